<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
<context>
    <name>Failures</name>
    <message>
        <source>%1 is damaged (truncated or corrupt) and cannot be opened; the file was not changed. Restore it from a backup.</source>
        <translation>%1 повреждён (обрезан или испорчен) и не может быть открыт; файл не изменён. Восстановите его из резервной копии.</translation>
    </message>
    <message>
        <source>%1 is read-only. Make the file writable or open a copy of it.</source>
        <translation>%1 доступен только для чтения. Разрешите запись в файл или откройте его копию.</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 не существует.</translation>
    </message>
    <message>
        <source>%1 is not a database Voronka can open: unknown kind «%2» or its driver is not installed.</source>
        <translation>%1 — не база данных, которую может открыть Воронка: неизвестный вид «%2» или его драйвер не установлен.</translation>
    </message>
    <message>
        <source>%1 was not updated: its backup could not be written (%2).</source>
        <translation>%1 не обновлена: не удалось записать её резервную копию (%2).</translation>
    </message>
    <message>
        <source>Updating %1 to this version of Voronka failed at step %2 (%3); the database was left as it was.</source>
        <translation>Обновление %1 до этой версии Воронки не удалось на шаге %2 (%3); база оставлена как была.</translation>
    </message>
    <message>
        <source>The database is busy: another program or user is writing to it. Nothing was changed; try again in a moment.</source>
        <translation>База данных занята: в неё пишет другая программа или другой пользователь. Ничего не изменено; повторите через минуту.</translation>
    </message>
    <message>
        <source>The database file is damaged; close Voronka and restore it from a backup.</source>
        <translation>Файл базы данных повреждён; закройте Воронку и восстановите его из резервной копии.</translation>
    </message>
    <message>
        <source>The database is read-only; nothing was changed.</source>
        <translation>База данных доступна только для чтения; ничего не изменено.</translation>
    </message>
    <message>
        <source>%1 is on a network share (%2). SQLite cannot lock files reliably there, so two people working at once can damage it. For a team, use the server mode (PostgreSQL).</source>
        <translation>%1 лежит в сетевой папке (%2). SQLite не может надёжно блокировать там файлы, и одновременная работа двух человек может повредить базу. Для команды используйте серверный режим (PostgreSQL).</translation>
    </message>
    <message>
        <source>No automatic backup of %1 is made before its schema is updated (%2). To keep one, run: %3</source>
        <translation>Перед обновлением схемы %1 автоматическая резервная копия не делается (%2). Чтобы сохранить её, выполните: %3</translation>
    </message>
    <message>
        <source>pg_dump is not installed</source>
        <translation>pg_dump не установлен</translation>
    </message>
    <message>
        <source>Before updating its schema, %1 was backed up with pg_dump to %2.</source>
        <translation>Перед обновлением схемы %1 сохранена с помощью pg_dump в %2.</translation>
    </message>
    <message>
        <source>Something went wrong: %1 (%2).</source>
        <translation>Что-то пошло не так: %1 (%2).</translation>
    </message>
    <message>
        <source>The details are in the log file %1.</source>
        <translation>Подробности — в журнале %1.</translation>
    </message>
    <message>
        <source>Voronka</source>
        <translation>Воронка</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
  <context>
    <name>BackupSettingsBox</name>
    <message>
      <source>Backups</source>
      <translation>Резервные копии</translation>
    </message>
    <message>
      <source>Back up this database every day (the last %1 are kept)</source>
      <translation>Каждый день делать резервную копию этой базы (хранятся последние %1)</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>Выбрать…</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>Открыть</translation>
    </message>
    <message>
      <source>Folder</source>
      <translation>Папка</translation>
    </message>
    <message>
      <source>Latest</source>
      <translation>Последняя</translation>
    </message>
    <message>
      <source>Folder for backups</source>
      <translation>Папка для резервных копий</translation>
    </message>
    <message>
      <source>A server database is backed up on the server (pg_dump).</source>
      <translation>Серверная база копируется на сервере (pg_dump).</translation>
    </message>
    <message>
      <source>no backups of this database yet</source>
      <translation>копий этой базы ещё нет</translation>
    </message>
    <message>
      <source>daily</source>
      <translation>ежедневная</translation>
    </message>
    <message>
      <source>by hand</source>
      <translation>вручную</translation>
    </message>
    <message>
      <source>%1 (%2), %3 in all</source>
      <translation>%1 (%2), всего %3</translation>
    </message>
  </context>
  <context>
    <name>Backups</name>
    <message>
      <source>Backup written: %1</source>
      <translation>Резервная копия записана: %1</translation>
    </message>
    <message>
      <source>Backing up the database…</source>
      <translation>Создаётся резервная копия базы…</translation>
    </message>
    <message>
      <source>Restore from a backup</source>
      <translation>Восстановить из резервной копии</translation>
    </message>
    <message>
      <source>Voronka database (*.db *.sqlite);;All files (*)</source>
      <translation>База «Воронки» (*.db *.sqlite);;Все файлы (*)</translation>
    </message>
    <message>
      <source>Replace everything in %1 with the content of the backup %2?

What the database holds now is kept beside it.</source>
      <translation>Заменить всё содержимое %1 содержимым резервной копии %2?

То, что сейчас в базе, останется рядом с ней отдельным файлом.</translation>
    </message>
    <message>
      <source>Restored from %1.</source>
      <translation>Восстановлено из %1.</translation>
    </message>
    <message>
      <source>The previous content is in %1.</source>
      <translation>Прежнее содержимое сохранено в %1.</translation>
    </message>
    <message>
      <source>Restoring the backup…</source>
      <translation>Восстановление из резервной копии…</translation>
    </message>
    <message>
      <source>Daily backup written: %1</source>
      <translation>Ежедневная резервная копия записана: %1</translation>
    </message>
    <message>
      <source>The daily backup failed: %1</source>
      <translation>Ежедневная резервная копия не удалась: %1</translation>
    </message>
  </context>
  <context>
    <name>ExportEverything</name>
    <message>
      <source>Writing the pipeline %1…</source>
      <translation>Запись воронки %1…</translation>
    </message>
    <message>
      <source>Exported %1 deals into %2</source>
      <translation>Выгружено сделок: %1, папка %2</translation>
    </message>
    <message>
      <source>Exporting everything…</source>
      <translation>Выгрузка всех данных…</translation>
    </message>
    <message>
      <source>Export everything into a folder</source>
      <translation>Выгрузить все данные в папку</translation>
    </message>
  </context>
  <context>
    <name>FileMenu</name>
    <message>
      <source>&amp;Export everything…</source>
      <translation>&amp;Выгрузить все данные…</translation>
    </message>
    <message>
      <source>&amp;New database…</source>
      <translation>&amp;Новая база…</translation>
    </message>
    <message>
      <source>&amp;Open database…</source>
      <translation>&amp;Открыть базу…</translation>
    </message>
    <message>
      <source>Open &amp;recent</source>
      <translation>Н&amp;едавние базы</translation>
    </message>
    <message>
      <source>&amp;Back up now</source>
      <translation>Сделать резервную &amp;копию</translation>
    </message>
    <message>
      <source>Re&amp;store from a backup…</source>
      <translation>Восст&amp;ановить из резервной копии…</translation>
    </message>
    <message>
      <source>New Voronka database</source>
      <translation>Новая база «Воронки»</translation>
    </message>
    <message>
      <source>Voronka database (*.db)</source>
      <translation>База «Воронки» (*.db)</translation>
    </message>
    <message>
      <source>%1 already exists. Open it with File → Open database, or choose another name.</source>
      <translation>%1 уже существует. Откройте его через Файл → Открыть базу или выберите другое имя.</translation>
    </message>
    <message>
      <source>Open a Voronka database</source>
      <translation>Открыть базу «Воронки»</translation>
    </message>
    <message>
      <source>Voronka database (*.db *.sqlite);;All files (*)</source>
      <translation>База «Воронки» (*.db *.sqlite);;Все файлы (*)</translation>
    </message>
  </context>
</TS>

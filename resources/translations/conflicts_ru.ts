<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Someone else changed this record</source>
        <translation>Эту запись изменил кто-то другой</translation>
    </message>
    <message>
        <source>Choose, field by field, whose value to keep.</source>
        <translation>Выберите для каждого поля, чьё значение оставить.</translation>
    </message>
    <message>
        <source>Theirs (%1, %2)</source>
        <translation>Их (%1, %2)</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Моё</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Оставить моё</translation>
    </message>
    <message>
        <source>Save my choices</source>
        <translation>Сохранить выбор</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Продолжить правку</translation>
    </message>
</context>
<context>
    <name>Conflicts</name>
    <message>
        <source>Someone</source>
        <translation>Кто-то</translation>
    </message>
    <message>
        <source>This deal has changed since you looked at it.</source>
        <translation>Сделка изменилась с тех пор, как вы её открыли.</translation>
    </message>
    <message>
        <source>%1 moved this deal to «%2» at %3.</source>
        <translation>%1 перевёл(а) эту сделку на этап «%2» в %3.</translation>
    </message>
    <message>
        <source>%1 marked this deal won at %2.</source>
        <translation>%1 отметил(а) эту сделку выигранной в %2.</translation>
    </message>
    <message>
        <source>%1 marked this deal lost at %2.</source>
        <translation>%1 отметил(а) эту сделку проигранной в %2.</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>никому</translation>
    </message>
    <message>
        <source>%1 gave this deal to %3 at %2.</source>
        <translation>%1 передал(а) эту сделку: %3, в %2.</translation>
    </message>
    <message>
        <source>%1 reopened this deal at %2.</source>
        <translation>%1 снова открыл(а) эту сделку в %2.</translation>
    </message>
    <message>
        <source>%1 changed %2 while you were editing; nothing was saved.</source>
        <translation>%1 изменил(а) поля: %2, пока вы редактировали; ничего не сохранено.</translation>
    </message>
    <message>
        <source>%1 changed %2 at %3 while you were editing; nothing was saved.</source>
        <translation>%1 изменил(а) поля: %2 в %3, пока вы редактировали; ничего не сохранено.</translation>
    </message>
</context>
</TS>

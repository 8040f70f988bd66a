<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
<context>
    <name>Undo</name>
    <message>
        <source>%1 moved «%2»%3.</source>
        <translation>%1 переместил(а) «%2»%3.</translation>
    </message>
    <message>
        <source>%1 won «%2»%3.</source>
        <translation>%1 выиграл(а) «%2»%3.</translation>
    </message>
    <message>
        <source>%1 lost «%2»%3.</source>
        <translation>%1 проиграл(а) «%2»%3.</translation>
    </message>
    <message>
        <source>%1 reopened «%2»%3.</source>
        <translation>%1 переоткрыл(а) «%2»%3.</translation>
    </message>
    <message>
        <source>%1 changed the owner of «%2»%3.</source>
        <translation>%1 сменил(а) ответственного в «%2»%3.</translation>
    </message>
    <message>
        <source>%1 renewed «%2»%3.</source>
        <translation>%1 продлил(а) «%2»%3.</translation>
    </message>
    <message>
        <source>%1 changed the field «%4» of «%2»%3.</source>
        <translation>%1 изменил(а) поле «%4» в «%2»%3.</translation>
    </message>
    <message>
        <source>%1 changed «%2»%3.</source>
        <translation>%1 изменил(а) «%2»%3.</translation>
    </message>
    <message>
        <source>%1 added a task to «%2»%3.</source>
        <translation>%1 добавил(а) задачу к «%2»%3.</translation>
    </message>
    <message>
        <source>%1 logged an activity on «%2»%3.</source>
        <translation>%1 записал(а) активность по «%2»%3.</translation>
    </message>
    <message>
        <source>%1 linked a deal or a person to «%2»%3.</source>
        <translation>%1 привязал(а) к «%2» сделку или человека%3.</translation>
    </message>
    <message>
        <source>«%2» has been deleted since.</source>
        <translation>«%2» уже удалено.</translation>
    </message>
    <message>
        <source>%1 created another record in the place of «%2»%3.</source>
        <translation>%1 создал(а) другую запись на месте «%2»%3.</translation>
    </message>
    <message>
        <source>%1 marked the task «%2» done%3.</source>
        <translation>%1 отметил(а) задачу «%2» выполненной%3.</translation>
    </message>
    <message>
        <source>%1 reopened the task «%2»%3.</source>
        <translation>%1 снова открыл(а) задачу «%2»%3.</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>в %1</translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>Кто-то</translation>
    </message>
    <message>
        <source>«%1» was not undone: %2 Nothing was changed.</source>
        <translation>«%1» не отменено: %2 Ничего не изменено.</translation>
    </message>
    <message>
        <source>«%1» was not redone: %2 Nothing was changed.</source>
        <translation>«%1» не повторено: %2 Ничего не изменено.</translation>
    </message>
    <message>
        <source>the database is busy with someone else&apos;s change; try again in a moment.</source>
        <translation>база данных занята чужим изменением; попробуйте ещё раз через минуту.</translation>
    </message>
    <message>
        <source>an unexpected error (%1); the details are in the log.</source>
        <translation>непредвиденная ошибка (%1); подробности в журнале.</translation>
    </message>
</context>
</TS>

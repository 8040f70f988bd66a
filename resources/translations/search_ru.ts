<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
<context>
    <name>GlobalSearch</name>
    <message>
        <source>Deals</source>
        <translation>Сделки</translation>
    </message>
    <message>
        <source>Companies</source>
        <translation>Компании</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Контакты</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Задачи</translation>
    </message>
    <message>
        <source>won</source>
        <translation>выиграна</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>проиграна</translation>
    </message>
    <message>
        <source>INN %1</source>
        <translation>ИНН %1</translation>
    </message>
    <message>
        <source>done</source>
        <translation>выполнена</translation>
    </message>
    <message>
        <source>Nothing found</source>
        <translation>Ничего не найдено</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Search: name, phone, e-mail, INN… (Ctrl+K)</source>
        <translation>Поиск: имя, телефон, e-mail, ИНН… (Ctrl+K)</translation>
    </message>
    <message>
        <source>Find deals, companies, contacts and tasks (Ctrl+K)</source>
        <translation>Найти сделки, компании, контакты и задачи (Ctrl+K)</translation>
    </message>
</context>
</TS>

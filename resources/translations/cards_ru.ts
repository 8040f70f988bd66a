<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
  <context>
    <name>Cards</name>
    <message>
      <source>Card</source>
      <translation>Карточка</translation>
    </message>
    <message>
      <source>Cards are coming in the next version.</source>
      <translation>Карточки появятся в следующей версии.</translation>
    </message>
  </context>
  <context>
    <name>SettingsPage</name>
    <message>
      <source>This computer</source>
      <translation>Этот компьютер</translation>
    </message>
    <message>
      <source>Language</source>
      <translation>Язык</translation>
    </message>
    <message>
      <source>— nobody —</source>
      <translation>— никто —</translation>
    </message>
    <message>
      <source>I am</source>
      <translation>Я</translation>
    </message>
  </context>
  <context>
    <name>TasksPage</name>
    <message>
      <source>Tasks</source>
      <translation>Задачи</translation>
    </message>
  </context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
  <context>
    <name>BoardPage</name>
    <message>
      <source>Funnel board</source>
      <translation>Доска воронки</translation>
    </message>
  </context>
</TS>

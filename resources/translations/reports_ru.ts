<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
  <context>
    <name>ReportsPage</name>
    <message>
      <source>Reports</source>
      <translation>Отчёты</translation>
    </message>
  </context>
  <context>
    <name>StartPage</name>
    <message>
      <source>Start page</source>
      <translation>Стартовая страница</translation>
    </message>
  </context>
</TS>

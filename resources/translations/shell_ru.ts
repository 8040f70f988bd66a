<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
  <context>
    <name>Dialogs</name>
    <message>
      <source>Welcome to Voronka</source>
      <translation>Добро пожаловать в «Воронку»</translation>
    </message>
    <message>
      <source>Voronka keeps your sales funnel and computes its metrics on this computer.</source>
      <translation>«Воронка» ведёт вашу воронку продаж и считает её метрики на этом компьютере.</translation>
    </message>
    <message>
      <source>Start with a demo team to look around, or with an empty funnel for your own team.</source>
      <translation>Начните с демо-команды, чтобы осмотреться, или с пустой воронки для своей команды.</translation>
    </message>
    <message>
      <source>Demo data</source>
      <translation>Демо-данные</translation>
    </message>
    <message>
      <source>Empty funnel</source>
      <translation>Пустая воронка</translation>
    </message>
    <message>
      <source>Import from files…</source>
      <translation>Импорт из файлов…</translation>
    </message>
    <message>
      <source>Cannot open the database</source>
      <translation>Не удаётся открыть базу данных</translation>
    </message>
    <message>
      <source>The file was not changed.</source>
      <translation>Файл не изменён.</translation>
    </message>
    <message>
      <source>Open another…</source>
      <translation>Открыть другую…</translation>
    </message>
    <message>
      <source>Create a new one…</source>
      <translation>Создать новую…</translation>
    </message>
    <message>
      <source>Open a Voronka database</source>
      <translation>Открыть базу «Воронки»</translation>
    </message>
    <message>
      <source>Voronka database (*.db *.sqlite);;All files (*)</source>
      <translation>База «Воронки» (*.db *.sqlite);;Все файлы (*)</translation>
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
      <source>Voronka</source>
      <translation>Воронка</translation>
    </message>
  </context>
  <context>
    <name>Errors</name>
    <message>
      <source>Amount</source>
      <translation>Сумма</translation>
    </message>
    <message>
      <source>Expected close</source>
      <translation>Ожидаемое закрытие</translation>
    </message>
    <message>
      <source>Company</source>
      <translation>Компания</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>Источник</translation>
    </message>
    <message>
      <source>Segment</source>
      <translation>Сегмент</translation>
    </message>
    <message>
      <source>Cohort</source>
      <translation>Когорта</translation>
    </message>
    <message>
      <source>Contacts</source>
      <translation>Контакты</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Имя</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Название</translation>
    </message>
    <message>
      <source>Due time</source>
      <translation>Срок</translation>
    </message>
    <message>
      <source>Assignee</source>
      <translation>Исполнитель</translation>
    </message>
    <message>
      <source>To enter the stage «%1», fill in: %2.</source>
      <translation>Чтобы перейти на этап «%1», заполните: %2.</translation>
    </message>
    <message>
      <source>A lost deal needs a reason.</source>
      <translation>Для проигранной сделки нужна причина.</translation>
    </message>
    <message>
      <source>That change can no longer be undone: the deal has changed since.</source>
      <translation>Это действие уже нельзя отменить: сделка с тех пор изменилась.</translation>
    </message>
    <message>
      <source>This is not possible for a closed deal; reopen it first.</source>
      <translation>Для закрытой сделки это невозможно; сначала откройте её заново.</translation>
    </message>
    <message>
      <source>%1 is not a Voronka database. Choose another file or create a new database.</source>
      <translation>%1 — не база данных «Воронки». Выберите другой файл или создайте новую базу.</translation>
    </message>
    <message>
      <source>%1 was saved by a newer version of Voronka. Update Voronka to open it; the file was not changed.</source>
      <translation>%1 сохранена более новой версией «Воронки». Обновите программу, чтобы открыть её; файл не изменён.</translation>
    </message>
    <message>
      <source>%1 is locked by another program. Close Voronka or the other program there, then try again.</source>
      <translation>%1 заблокирована другой программой. Закройте её и попробуйте снова.</translation>
    </message>
    <message>
      <source>Cannot write to the folder %1. Choose a folder you can write to.</source>
      <translation>Нет прав на запись в папку %1. Выберите папку, доступную для записи.</translation>
    </message>
    <message>
      <source>Cannot connect to the database %1: %2</source>
      <translation>Не удаётся подключиться к базе %1: %2</translation>
    </message>
    <message>
      <source>Voronka</source>
      <translation>Воронка</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>Customise…</source>
      <translation>Настроить…</translation>
    </message>
    <message>
      <source>Voronka — %1</source>
      <translation>Воронка — %1</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>&amp;Файл</translation>
    </message>
    <message>
      <source>&amp;Edit</source>
      <translation>&amp;Правка</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>&amp;Справка</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>В&amp;ыход</translation>
    </message>
    <message>
      <source>&amp;About Voronka</source>
      <translation>&amp;О программе</translation>
    </message>
    <message>
      <source>&amp;Undo</source>
      <translation>&amp;Отменить</translation>
    </message>
    <message>
      <source>&amp;Redo</source>
      <translation>&amp;Повторить</translation>
    </message>
    <message>
      <source>Search</source>
      <translation>Поиск</translation>
    </message>
    <message>
      <source>nobody chosen (Settings → Team)</source>
      <translation>никто не выбран (Настройки → Команда)</translation>
    </message>
    <message>
      <source>Database: %1 · I am: %2</source>
      <translation>База: %1 · Я: %2</translation>
    </message>
    <message>
      <source>About Voronka</source>
      <translation>О программе «Воронка»</translation>
    </message>
    <message>
      <source>Voronka — an offline CRM for a small B2B sales team.
Every stage move is kept in an event log, so every metric is computed from the data itself.</source>
      <translation>«Воронка» — офлайн-CRM для небольшой команды B2B-продаж.
Каждый переход по этапам хранится в журнале событий, поэтому все метрики считаются из самих данных.</translation>
    </message>
    <message>
      <source>Database: %1</source>
      <translation>База данных: %1</translation>
    </message>
    <message>
      <source>Log file (errors and their details): %1</source>
      <translation>Журнал (ошибки и подробности о них): %1</translation>
    </message>
    <message>
      <source>This page could not be opened: %1</source>
      <translation>Не удалось открыть страницу: %1</translation>
    </message>
  </context>
  <context>
    <name>Pages</name>
    <message>
      <source>Start</source>
      <translation>Старт</translation>
    </message>
    <message>
      <source>Board</source>
      <translation>Доска</translation>
    </message>
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
      <source>Reports</source>
      <translation>Отчёты</translation>
    </message>
    <message>
      <source>Settings</source>
      <translation>Настройки</translation>
    </message>
  </context>
  <context>
    <name>PlaceholderPage</name>
    <message>
      <source>%1 is coming in the next version.</source>
      <translation>Раздел «%1» появится в следующей версии.</translation>
    </message>
  </context>
  <context>
    <name>QProgressDialog</name>
    <message>
      <source>Cancel</source>
      <translation>Отмена</translation>
    </message>
  </context>
</TS>

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
    <name>DomainReasons</name>
    <message>
      <source>cannot be empty</source>
      <translation>не может быть пустым</translation>
    </message>
    <message>
      <source>cannot be empty without a company</source>
      <translation>не может быть пустым, если нет компании</translation>
    </message>
    <message>
      <source>cannot be negative</source>
      <translation>не может быть отрицательной</translation>
    </message>
    <message>
      <source>is not a date (YYYY-MM-DD)</source>
      <translation>это не дата (ГГГГ-ММ-ДД)</translation>
    </message>
    <message>
      <source>is not a deal field that can be edited</source>
      <translation>это не поле сделки, которое можно изменить</translation>
    </message>
    <message>
      <source>is not a task field that can be edited</source>
      <translation>это не поле задачи, которое можно изменить</translation>
    </message>
    <message>
      <source>is not a field of this card</source>
      <translation>такого поля нет в этой карточке</translation>
    </message>
    <message>
      <source>must be a list of page names</source>
      <translation>нужен список страниц</translation>
    </message>
    <message>
      <source>must be a list of tiles</source>
      <translation>нужен список плиток</translation>
    </message>
    <message>
      <source>must name a page</source>
      <translation>нужно выбрать страницу</translation>
    </message>
    <message>
      <source>is hidden from the sidebar; show it or pick another page</source>
      <translation>скрыта из боковой панели: покажите её или выберите другую страницу</translation>
    </message>
    <message>
      <source>a choice field needs at least one choice</source>
      <translation>у поля с выбором должен быть хотя бы один вариант</translation>
    </message>
    <message>
      <source>a field needs a name</source>
      <translation>у поля должно быть название</translation>
    </message>
    <message>
      <source>every block needs its own key</source>
      <translation>у каждого блока должен быть свой ключ</translation>
    </message>
    <message>
      <source>every block needs a title</source>
      <translation>у каждого блока должно быть название</translation>
    </message>
    <message>
      <source>cannot be required to enter a stage</source>
      <translation>нельзя сделать обязательным для входа в этап</translation>
    </message>
    <message>
      <source>is not a year</source>
      <translation>это не год</translation>
    </message>
    <message>
      <source>is not a month (1-12)</source>
      <translation>это не месяц (1–12)</translation>
    </message>
    <message>
      <source>is not an amount</source>
      <translation>это не сумма</translation>
    </message>
    <message>
      <source>is a 3-letter code such as RUB</source>
      <translation>нужен трёхбуквенный код, например RUB</translation>
    </message>
    <message>
      <source>is not a report object (it has no period)</source>
      <translation>это не отчёт (в нём нет периода)</translation>
    </message>
    <message>
      <source>has no period label or as-of time</source>
      <translation>в нём нет периода или момента расчёта</translation>
    </message>
    <message>
      <source>is not a funnel rule</source>
      <translation>это не правило воронки</translation>
    </message>
    <message>
      <source>must be a whole number of days, 1 or more</source>
      <translation>нужно целое число дней, не меньше 1</translation>
    </message>
    <message>
      <source>must be a share between 0 and 1</source>
      <translation>нужна доля от 0 до 1</translation>
    </message>
    <message>
      <source>must be at least 1</source>
      <translation>нужно не меньше 1</translation>
    </message>
    <message>
      <source>Only the head of sales can change the funnel rules.</source>
      <translation>Правила воронки может менять только руководитель отдела продаж.</translation>
    </message>
    <message>
      <source>A lost deal needs a reason.</source>
      <translation>Для проигранной сделки нужна причина.</translation>
    </message>
    <message>
      <source>is not a lost reason field</source>
      <translation>это не поле причины проигрыша</translation>
    </message>
    <message>
      <source>is not a pipeline field that can be edited</source>
      <translation>это не поле воронки, которое можно изменить</translation>
    </message>
    <message>
      <source>is not a stage field</source>
      <translation>это не поле этапа</translation>
    </message>
    <message>
      <source>«%1» is already in the team</source>
      <translation>«%1» уже есть в команде</translation>
    </message>
    <message>
      <source>«%1» is not a role</source>
      <translation>«%1» — это не роль</translation>
    </message>
    <message>
      <source>«%1» is not a time zone</source>
      <translation>«%1» — это не часовой пояс</translation>
    </message>
    <message>
      <source>«%1» is not a field type</source>
      <translation>«%1» — это не тип поля</translation>
    </message>
    <message>
      <source>«%1» is not a card kind</source>
      <translation>«%1» — это не вид карточки</translation>
    </message>
    <message>
      <source>«%1» is not a deal, a company or a contact</source>
      <translation>«%1» — это не сделка, не компания и не контакт</translation>
    </message>
    <message>
      <source>«%1» is not a call, an e-mail, a message, a meeting or a note</source>
      <translation>«%1» — это не звонок, письмо, сообщение, встреча или заметка</translation>
    </message>
    <message>
      <source>unknown field «%1»</source>
      <translation>неизвестное поле «%1»</translation>
    </message>
    <message>
      <source>«%1» is not a kind of pipeline</source>
      <translation>«%1» — это не вид воронки</translation>
    </message>
    <message>
      <source>«%1» is not a follow-up</source>
      <translation>«%1» — это не следующий шаг</translation>
    </message>
    <message>
      <source>must be one of: %1</source>
      <translation>нужно одно из: %1</translation>
    </message>
    <message>
      <source>the time «%1» is not written as 2026-10-31T23:59:59</source>
      <translation>время «%1» записано не как 2026-10-31T23:59:59</translation>
    </message>
    <message>
      <source>tile %1 is not set up correctly</source>
      <translation>плитка %1 настроена неверно</translation>
    </message>
    <message>
      <source>at most %1 characters</source>
      <translation>не больше %1 символов</translation>
    </message>
    <message>
      <source>%1 already holds deals: give a new file for the demo database.</source>
      <translation>В %1 уже есть сделки: для демо-базы укажите новый файл.</translation>
    </message>
    <message>
      <source>%1 is a server database: back it up on the server (pg_dump).</source>
      <translation>%1 — база на сервере: делайте её копию на сервере (pg_dump).</translation>
    </message>
    <message>
      <source>%1 is not a Voronka database backup.</source>
      <translation>%1 — это не резервная копия базы «Воронки».</translation>
    </message>
    <message>
      <source>deal</source>
      <translation>сделка</translation>
    </message>
    <message>
      <source>company</source>
      <translation>компания</translation>
    </message>
    <message>
      <source>contact</source>
      <translation>контакт</translation>
    </message>
    <message>
      <source>task</source>
      <translation>задача</translation>
    </message>
    <message>
      <source>activity</source>
      <translation>действие</translation>
    </message>
    <message>
      <source>pipeline</source>
      <translation>воронка</translation>
    </message>
    <message>
      <source>stage</source>
      <translation>этап</translation>
    </message>
    <message>
      <source>team member</source>
      <translation>участник команды</translation>
    </message>
    <message>
      <source>import</source>
      <translation>импорт</translation>
    </message>
    <message>
      <source>folder</source>
      <translation>папка</translation>
    </message>
    <message>
      <source>field</source>
      <translation>поле</translation>
    </message>
    <message>
      <source>card kind</source>
      <translation>вид карточки</translation>
    </message>
    <message>
      <source>No such %1 (%2): it may have been deleted meanwhile.</source>
      <translation>Не найдено: %1 (%2) — возможно, её уже удалили.</translation>
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
      <source>Days before a deal is stuck</source>
      <translation>Дней до «застряла»</translation>
    </message>
    <message>
      <source>Win probability</source>
      <translation>Вероятность выигрыша</translation>
    </message>
    <message>
      <source>Required fields</source>
      <translation>Обязательные поля</translation>
    </message>
    <message>
      <source>Plan</source>
      <translation>План</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>Год</translation>
    </message>
    <message>
      <source>Month</source>
      <translation>Месяц</translation>
    </message>
    <message>
      <source>Currency</source>
      <translation>Валюта</translation>
    </message>
    <message>
      <source>Time zone</source>
      <translation>Часовой пояс</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>Роль</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>Тип</translation>
    </message>
    <message>
      <source>Field name</source>
      <translation>Название поля</translation>
    </message>
    <message>
      <source>Choices</source>
      <translation>Варианты</translation>
    </message>
    <message>
      <source>Blocks</source>
      <translation>Блоки</translation>
    </message>
    <message>
      <source>Website</source>
      <translation>Сайт</translation>
    </message>
    <message>
      <source>Won deal → Client Success</source>
      <translation>Выигранная сделка → Клиентский успех</translation>
    </message>
    <message>
      <source>Start page tiles</source>
      <translation>Плитки стартовой страницы</translation>
    </message>
    <message>
      <source>Start page</source>
      <translation>Стартовая страница</translation>
    </message>
    <message>
      <source>Deals</source>
      <translation>Сделки</translation>
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
    <name>FieldReasons</name>
    <message>
      <source>Cannot be empty.</source>
      <translation>Не может быть пустым.</translation>
    </message>
    <message>
      <source>Not a number.</source>
      <translation>Это не число.</translation>
    </message>
    <message>
      <source>Not an amount: write it like 250 000, 250 000,50 ₽, 1.2m or 250k.</source>
      <translation>Это не сумма: пишите 250 000, 250 000,50 ₽, 1,2 млн или 250 тыс.</translation>
    </message>
    <message>
      <source>Thousands or a decimal point? Write 250 000 or 250,00.</source>
      <translation>Тысячи или копейки? Напишите 250 000 или 250,00.</translation>
    </message>
    <message>
      <source>A whole number is needed.</source>
      <translation>Нужно целое число.</translation>
    </message>
    <message>
      <source>Cannot be negative.</source>
      <translation>Не может быть отрицательным.</translation>
    </message>
    <message>
      <source>Not a date: type 31.12.2026 or 2026-12-31.</source>
      <translation>Это не дата: введите 31.12.2026 или 2026-12-31.</translation>
    </message>
    <message>
      <source>Not an e-mail address (like name@acme.ru).</source>
      <translation>Это не адрес почты (нужно вида name@acme.ru).</translation>
    </message>
    <message>
      <source>Not a phone number.</source>
      <translation>Это не номер телефона.</translation>
    </message>
    <message>
      <source>No such number: check the digits (a Russian number has 10 digits after +7).</source>
      <translation>Такого номера нет: проверьте цифры (в российском номере 10 цифр после +7).</translation>
    </message>
    <message>
      <source>Not a website address (like acme.ru).</source>
      <translation>Это не адрес сайта (нужно вида acme.ru).</translation>
    </message>
    <message>
      <source>Not a link (like https://vk.com/name).</source>
      <translation>Это не ссылка (нужно вида https://vk.com/name).</translation>
    </message>
    <message>
      <source>An INN has digits only.</source>
      <translation>ИНН состоит только из цифр.</translation>
    </message>
    <message>
      <source>An INN has 10 digits (organisation) or 12 (person).</source>
      <translation>В ИНН 10 цифр (организация) или 12 (физлицо, ИП).</translation>
    </message>
    <message>
      <source>The INN check digits do not match: look for a typo.</source>
      <translation>Не сходится контрольная сумма ИНН: проверьте, нет ли опечатки.</translation>
    </message>
    <message>
      <source>Not one of the choices.</source>
      <translation>Такого варианта нет в списке.</translation>
    </message>
    <message>
      <source>Too long.</source>
      <translation>Слишком длинно.</translation>
    </message>
    <message>
      <source>Contains a NUL character, which cannot be stored.</source>
      <translation>Содержит символ NUL, его нельзя сохранить.</translation>
    </message>
    <message>
      <source>Choose from the list.</source>
      <translation>Выберите из списка.</translation>
    </message>
    <message>
      <source>Needed to enter «%1».</source>
      <translation>Нужно для перехода на «%1».</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>Customise…</source>
      <translation>Настроить…</translation>
    </message>
    <message>
      <source>Undo: %1</source>
      <translation>Отменить: %1</translation>
    </message>
    <message>
      <source>Undo</source>
      <translation>Отменить</translation>
    </message>
    <message>
      <source>Redo: %1</source>
      <translation>Повторить: %1</translation>
    </message>
    <message>
      <source>Redo</source>
      <translation>Повторить</translation>
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
      <source>User &amp;guide</source>
      <translation>&amp;Руководство пользователя</translation>
    </message>
    <message>
      <source>&amp;Keyboard shortcuts</source>
      <translation>&amp;Сочетания клавиш</translation>
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
      <source>(not written yet: nothing has been logged)</source>
      <translation>(пока не создан: записей ещё не было)</translation>
    </message>
    <message>
      <source>Version: %1</source>
      <translation>Версия: %1</translation>
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
    <message numerus="yes">
      <source>%n task(s) due</source>
      <translation>
        <numerusform>%n задача к выполнению</numerusform>
        <numerusform>%n задачи к выполнению</numerusform>
        <numerusform>%n задач к выполнению</numerusform>
      </translation>
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
    <name>QProgressDialog</name>
    <message>
      <source>Cancel</source>
      <translation>Отмена</translation>
    </message>
  </context>
  <context>
    <name>QuickCreateDialog</name>
    <message>
      <source>New deal in «%1»</source>
      <translation>Новая сделка на этапе «%1»</translation>
    </message>
    <message>
      <source>Start typing a company…</source>
      <translation>Начните вводить компанию…</translation>
    </message>
    <message>
      <source>acme.ru (for a new company)</source>
      <translation>acme.ru (для новой компании)</translation>
    </message>
    <message>
      <source>required in this stage</source>
      <translation>обязательна на этом этапе</translation>
    </message>
    <message>
      <source>optional</source>
      <translation>необязательно</translation>
    </message>
    <message>
      <source>Company</source>
      <translation>Компания</translation>
    </message>
    <message>
      <source>Website</source>
      <translation>Сайт</translation>
    </message>
    <message>
      <source>Amount</source>
      <translation>Сумма</translation>
    </message>
    <message>
      <source>Deal name</source>
      <translation>Название сделки</translation>
    </message>
    <message>
      <source>Create</source>
      <translation>Создать</translation>
    </message>
    <message>
      <source>Create a deal</source>
      <translation>Создать сделку</translation>
    </message>
  </context>
  <context>
    <name>Roles</name>
    <message>
      <source>Lead generator</source>
      <translation>Лидогенератор</translation>
    </message>
    <message>
      <source>SDR</source>
      <translation>SDR</translation>
    </message>
    <message>
      <source>AE</source>
      <translation>AE</translation>
    </message>
    <message>
      <source>Client success</source>
      <translation>Сопровождение клиентов (CSM)</translation>
    </message>
    <message>
      <source>Head of sales</source>
      <translation>Руководитель отдела продаж</translation>
    </message>
    <message>
      <source>SDR: the first contact, from the first message to the appointed demo</source>
      <translation>SDR — специалист первого контакта: от первого письма до назначенного демо</translation>
    </message>
    <message>
      <source>AE: runs the deal from the demo to the contract</source>
      <translation>AE — менеджер, который ведёт сделку от демо до договора</translation>
    </message>
  </context>
</TS>

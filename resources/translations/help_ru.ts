<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
<context>
    <name>EmptyState</name>
    <message>
        <source>Import data</source>
        <translation>Импортировать данные</translation>
    </message>
    <message>
        <source>Bring your deals and their history in from Excel or another CRM</source>
        <translation>Перенести сделки и их историю из Excel или другой CRM</translation>
    </message>
    <message>
        <source>Add a deal</source>
        <translation>Добавить сделку</translation>
    </message>
    <message>
        <source>Load demo data</source>
        <translation>Загрузить демо-данные</translation>
    </message>
    <message>
        <source>A made-up team with two years of deals, to look around</source>
        <translation>Вымышленная команда со сделками за два года — чтобы осмотреться</translation>
    </message>
    <message>
        <source>Reset filters</source>
        <translation>Сбросить фильтры</translation>
    </message>
    <message>
        <source>Nothing found by the filter</source>
        <translation>Ничего не найдено по фильтру</translation>
    </message>
    <message>
        <source>No record matches the search and the filters chosen.</source>
        <translation>Ни одна запись не подходит под поиск и выбранные фильтры.</translation>
    </message>
</context>
<context>
    <name>FirstDay</name>
    <message>
        <source>Load demo data</source>
        <translation>Загрузить демо-данные</translation>
    </message>
    <message>
        <source>Fill this database with a made-up sales team?</source>
        <translation>Заполнить эту базу вымышленным отделом продаж?</translation>
    </message>
    <message>
        <source>Voronka adds a demo team of seven and %1 deals over two years, with their companies, contacts, tasks and plans, so that every page and report has something to show. Demo deals cannot be told apart from real ones later: keep your team&apos;s real work in another file (File → New database).</source>
        <translation>Воронка добавит демо-команду из семи человек и %1 сделок за два года — с компаниями, контактами, задачами и планами, чтобы на каждой странице и в каждом отчёте было что посмотреть. Потом демо-сделки не отличить от настоящих: настоящую работу команды ведите в другом файле (Файл → Новая база).</translation>
    </message>
    <message>
        <source>Loading demo data…</source>
        <translation>Загружаем демо-данные…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>The database holds deals now, so the demo was not loaded: demo data never mixes with a team&apos;s own. Open a new file (File → New database) to look around in the demo.</source>
        <translation>В базе уже появились сделки, поэтому демо-данные не загружены: они никогда не смешиваются с данными команды. Чтобы посмотреть демо, создайте новую базу (Файл → Новая база).</translation>
    </message>
</context>
<context>
    <name>GuideWindow</name>
    <message>
        <source>Voronka — user guide</source>
        <translation>Воронка — руководство пользователя</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Содержание</translation>
    </message>
    <message>
        <source>The user guide is not installed with this copy of Voronka.</source>
        <translation>Руководство пользователя не установлено вместе с этой копией Воронки.</translation>
    </message>
</context>
<context>
    <name>ReminderBell</name>
    <message numerus="yes">
        <source>%n due</source>
        <translation>
            <numerusform>%n к выполнению</numerusform>
            <numerusform>%n к выполнению</numerusform>
            <numerusform>%n к выполнению</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) due: click to see them or snooze</source>
        <translation>
            <numerusform>%n задача ждёт: нажмите, чтобы увидеть или отложить</numerusform>
            <numerusform>%n задачи ждут: нажмите, чтобы увидеть или отложить</numerusform>
            <numerusform>%n задач ждут: нажмите, чтобы увидеть или отложить</numerusform>
        </translation>
    </message>
    <message>
        <source>No task is due</source>
        <translation>Сейчас нет задач к выполнению</translation>
    </message>
    <message numerus="yes">
        <source>%n snoozed</source>
        <translation>
            <numerusform>%n отложена</numerusform>
            <numerusform>%n отложены</numerusform>
            <numerusform>%n отложено</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… и ещё %n</numerusform>
            <numerusform>… и ещё %n</numerusform>
            <numerusform>… и ещё %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Open the Tasks page</source>
        <translation>Открыть страницу «Задачи»</translation>
    </message>
</context>
<context>
    <name>ReminderTray</name>
    <message>
        <source>Open the Tasks page</source>
        <translation>Открыть страницу «Задачи»</translation>
    </message>
    <message numerus="yes">
        <source>Voronka: %n task(s) due</source>
        <translation>
            <numerusform>Воронка: %n задача к выполнению</numerusform>
            <numerusform>Воронка: %n задачи к выполнению</numerusform>
            <numerusform>Воронка: %n задач к выполнению</numerusform>
        </translation>
    </message>
    <message>
        <source>Voronka</source>
        <translation>Воронка</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… и ещё %n</numerusform>
            <numerusform>… и ещё %n</numerusform>
            <numerusform>… и ещё %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) due</source>
        <translation>
            <numerusform>%n задача к выполнению</numerusform>
            <numerusform>%n задачи к выполнению</numerusform>
            <numerusform>%n задач к выполнению</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>Snooze for 10 minutes</source>
        <translation>Отложить на 10 минут</translation>
    </message>
    <message>
        <source>Snooze for an hour</source>
        <translation>Отложить на час</translation>
    </message>
    <message>
        <source>Snooze until tomorrow morning</source>
        <translation>Отложить до завтрашнего утра</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Everywhere</source>
        <translation>Везде</translation>
    </message>
    <message>
        <source>Board</source>
        <translation>Доска</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>Карточки</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Задачи</translation>
    </message>
    <message>
        <source>Tables (deals, companies, contacts)</source>
        <translation>Таблицы (сделки, компании, контакты)</translation>
    </message>
    <message>
        <source>Search box</source>
        <translation>Строка поиска</translation>
    </message>
    <message>
        <source>This list of keyboard shortcuts</source>
        <translation>Этот список сочетаний клавиш</translation>
    </message>
    <message>
        <source>Search deals, companies, contacts and tasks</source>
        <translation>Поиск по сделкам, компаниям, контактам и задачам</translation>
    </message>
    <message>
        <source>Open the 1st … 8th page of the sidebar</source>
        <translation>Открыть 1-ю … 8-ю страницу боковой панели</translation>
    </message>
    <message>
        <source>Undo (also in card windows and dialogs)</source>
        <translation>Отменить (и в окнах карточек, и в диалогах)</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>Import deals from files</source>
        <translation>Импорт сделок из файлов</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>Новая база данных</translation>
    </message>
    <message>
        <source>Open a database</source>
        <translation>Открыть базу данных</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Выйти</translation>
    </message>
    <message>
        <source>Move the selected deals one stage on / back</source>
        <translation>Передвинуть выбранные сделки на этап вперёд / назад</translation>
    </message>
    <message>
        <source>The menu of the selected deals (move, won, lost, reassign)</source>
        <translation>Меню выбранных сделок (перенести, выиграна, проиграна, передать)</translation>
    </message>
    <message>
        <source>Go to the neighbouring column</source>
        <translation>Перейти в соседнюю колонку</translation>
    </message>
    <message>
        <source>Open the deal&apos;s card</source>
        <translation>Открыть карточку сделки</translation>
    </message>
    <message>
        <source>Save the changed fields</source>
        <translation>Сохранить изменённые поля</translation>
    </message>
    <message>
        <source>Log a call, e-mail, message, meeting or note</source>
        <translation>Записать звонок, письмо, сообщение, встречу или заметку</translation>
    </message>
    <message>
        <source>Mark the selected task done (or open again)</source>
        <translation>Отметить выбранную задачу выполненной (или вернуть в работу)</translation>
    </message>
    <message>
        <source>Open the task&apos;s deal</source>
        <translation>Открыть сделку задачи</translation>
    </message>
    <message>
        <source>Edit the task&apos;s title or due time</source>
        <translation>Изменить название или срок задачи</translation>
    </message>
    <message>
        <source>Open the record&apos;s card (also a double-click)</source>
        <translation>Открыть карточку записи (или двойной щелчок)</translation>
    </message>
    <message>
        <source>Go through the results</source>
        <translation>Перейти по результатам</translation>
    </message>
    <message>
        <source>Open the chosen result</source>
        <translation>Открыть выбранный результат</translation>
    </message>
    <message>
        <source>Close the results; again: empty the box</source>
        <translation>Закрыть результаты; ещё раз — очистить строку</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <source>Filter…</source>
        <translation>Фильтр…</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Клавиши</translation>
    </message>
    <message>
        <source>What they do</source>
        <translation>Что делают</translation>
    </message>
</context>
</TS>

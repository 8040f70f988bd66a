<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
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
      <source>Open the deal's card</source>
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
      <source>Open the task's deal</source>
      <translation>Открыть сделку задачи</translation>
    </message>
    <message>
      <source>Edit the task's title or due time</source>
      <translation>Изменить название или срок задачи</translation>
    </message>
    <message>
      <source>Open the record's card (also a double-click)</source>
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

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
  <context>
    <name>BackupSettingsBox</name>
    <message>
      <source>Backups</source>
      <translation>Резервные копии</translation>
    </message>
    <message>
      <source>Back up this database every day (the last %1 are kept)</source>
      <translation>Каждый день делать резервную копию этой базы (хранятся последние %1)</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>Выбрать…</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>Открыть</translation>
    </message>
    <message>
      <source>Folder</source>
      <translation>Папка</translation>
    </message>
    <message>
      <source>Latest</source>
      <translation>Последняя копия</translation>
    </message>
    <message>
      <source>Folder for backups</source>
      <translation>Папка для резервных копий</translation>
    </message>
    <message>
      <source>A server database is backed up on the server (pg_dump).</source>
      <translation>Серверная база копируется на сервере (pg_dump).</translation>
    </message>
    <message>
      <source>no backups of this database yet</source>
      <translation>ещё не делалась</translation>
    </message>
    <message>
      <source>daily</source>
      <translation>ежедневная</translation>
    </message>
    <message>
      <source>by hand</source>
      <translation>вручную</translation>
    </message>
    <message>
      <source>%1 (%2), %3 in all</source>
      <translation>%1 (%2), всего %3</translation>
    </message>
  </context>
  <context>
    <name>Backups</name>
    <message>
      <source>Backup written: %1</source>
      <translation>Резервная копия записана: %1</translation>
    </message>
    <message>
      <source>Backing up the database…</source>
      <translation>Создаётся резервная копия базы…</translation>
    </message>
    <message>
      <source>Restore from a backup</source>
      <translation>Восстановить из резервной копии</translation>
    </message>
    <message>
      <source>Voronka database (*.db *.sqlite);;All files (*)</source>
      <translation>База «Воронки» (*.db *.sqlite);;Все файлы (*)</translation>
    </message>
    <message>
      <source>Replace everything in %1 with the content of the backup %2?

What the database holds now is kept beside it.</source>
      <translation>Заменить всё содержимое %1 содержимым резервной копии %2?

То, что сейчас в базе, останется рядом с ней отдельным файлом.</translation>
    </message>
    <message>
      <source>Restored from %1.</source>
      <translation>Восстановлено из %1.</translation>
    </message>
    <message>
      <source>The previous content is in %1.</source>
      <translation>Прежнее содержимое сохранено в %1.</translation>
    </message>
    <message>
      <source>Restoring the backup…</source>
      <translation>Восстановление из резервной копии…</translation>
    </message>
    <message>
      <source>Daily backup written: %1</source>
      <translation>Ежедневная резервная копия записана: %1</translation>
    </message>
    <message>
      <source>The daily backup failed: %1</source>
      <translation>Ежедневная резервная копия не удалась: %1</translation>
    </message>
  </context>
  <context>
    <name>ColumnsPage</name>
    <message>
      <source>Columns</source>
      <translation>Столбцы</translation>
    </message>
    <message>
      <source>What each column holds. The guesses come from the headers and the values; fix any that are wrong. Columns left at «skip» are not imported.</source>
      <translation>Что хранится в каждом столбце. Догадки сделаны по заголовкам и значениям — исправьте неверные. Столбцы с «пропустить» не импортируются.</translation>
    </message>
    <message>
      <source>Guess afresh</source>
      <translation>Угадать заново</translation>
    </message>
    <message>
      <source>File</source>
      <translation>Файл</translation>
    </message>
    <message>
      <source>The mapping «%1» saved for files of this shape is applied.</source>
      <translation>Применено сопоставление «%1», сохранённое для файлов такого вида.</translation>
    </message>
    <message>
      <source>No saved mapping fits these files: the columns are guessed.</source>
      <translation>Ни одно сохранённое сопоставление не подходит к этим файлам: столбцы угаданы.</translation>
    </message>
    <message>
      <source>Column</source>
      <translation>Столбец</translation>
    </message>
    <message>
      <source>Examples</source>
      <translation>Примеры</translation>
    </message>
    <message>
      <source>Voronka field</source>
      <translation>Поле «Воронки»</translation>
    </message>
    <message>
      <source>Card field «%1» (new if missing)</source>
      <translation>Поле карточки «%1» (создаётся, если нет)</translation>
    </message>
    <message>
      <source>%1: no column holds the deal name or the company</source>
      <translation>%1: ни один столбец не содержит название сделки или компанию</translation>
    </message>
    <message>
      <source>%1: no column holds the stage or the status; every deal would be open at the first stage</source>
      <translation>%1: ни один столбец не содержит этап или статус; все сделки окажутся открытыми на первом этапе</translation>
    </message>
  </context>
  <context>
    <name>DonePage</name>
    <message>
      <source>Imported</source>
      <translation>Импорт выполнен</translation>
    </message>
    <message>
      <source>Save the mapping</source>
      <translation>Сохранить сопоставление</translation>
    </message>
    <message>
      <source>Name of the mapping</source>
      <translation>Название сопоставления</translation>
    </message>
    <message>
      <source>Save the mapping to import the next file of this shape in a few clicks: the wizard offers it again, and «voronka import --map» replays it.</source>
      <translation>Сохраните сопоставление, чтобы следующий файл такого вида импортировать в пару щелчков: мастер предложит его снова, а «voronka import --map» повторит его из командной строки.</translation>
    </message>
    <message>
      <source>%1 deals imported: %2 won, %3 lost, %4 open.</source>
      <translation>Импортировано сделок: %1 — выиграно %2, проиграно %3, открыто %4.</translation>
    </message>
    <message>
      <source>Changed your mind? Edit → Undo, or Settings → Imports → Revert.</source>
      <translation>Передумали? Правка → Отменить или Настройки → Импорты → Откатить.</translation>
    </message>
    <message>
      <source>Give the mapping a name first.</source>
      <translation>Сначала дайте сопоставлению название.</translation>
    </message>
    <message>
      <source>Saved as %1</source>
      <translation>Сохранено: %1</translation>
    </message>
  </context>
  <context>
    <name>DryRunPage</name>
    <message>
      <source>Check before importing</source>
      <translation>Проверка перед импортом</translation>
    </message>
    <message>
      <source>Nothing has been written yet. This is what the import brings in.</source>
      <translation>Пока ничего не записано. Вот что принесёт импорт.</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>Импортировать</translation>
    </message>
    <message>
      <source>Deals per stage</source>
      <translation>Сделки по этапам</translation>
    </message>
    <message>
      <source>Won revenue by month</source>
      <translation>Выигранная выручка по месяцам</translation>
    </message>
    <message>
      <source>Problems</source>
      <translation>Проблемы</translation>
    </message>
    <message>
      <source>Export problems as CSV…</source>
      <translation>Выгрузить проблемы в CSV…</translation>
    </message>
    <message>
      <source>Looking through the files…</source>
      <translation>Просматриваем файлы…</translation>
    </message>
    <message>
      <source>%1 deals: %2 won, %3 lost, %4 open.</source>
      <translation>Сделок: %1 — выиграно %2, проиграно %3, открыто %4.</translation>
    </message>
    <message>
      <source>Stage</source>
      <translation>Этап</translation>
    </message>
    <message>
      <source>Deals</source>
      <translation>Сделки</translation>
    </message>
    <message>
      <source>Month</source>
      <translation>Месяц</translation>
    </message>
    <message>
      <source>Amount, %1</source>
      <translation>Сумма, %1</translation>
    </message>
    <message>
      <source>%1 rows skipped</source>
      <translation>пропущено строк: %1</translation>
    </message>
    <message>
      <source>%1 deals imported before are left as they are</source>
      <translation>уже импортированных раньше сделок: %1, они остаются как есть</translation>
    </message>
    <message>
      <source>the team currency becomes %1</source>
      <translation>валютой команды станет %1</translation>
    </message>
    <message>
      <source>Problem</source>
      <translation>Проблема</translation>
    </message>
    <message>
      <source>Count</source>
      <translation>Сколько</translation>
    </message>
    <message>
      <source>%1 (must be fixed)</source>
      <translation>%1 (нужно исправить)</translation>
    </message>
    <message>
      <source>No problems found.</source>
      <translation>Проблем не найдено.</translation>
    </message>
    <message>
      <source>%1 problems must be fixed before importing: correct the file, or go back and change the mapping.</source>
      <translation>Перед импортом нужно исправить проблем: %1 — поправьте файл или вернитесь назад и измените сопоставление.</translation>
    </message>
    <message>
      <source>%1 warnings: the import goes ahead as each one says.</source>
      <translation>Предупреждений: %1 — импорт пройдёт так, как сказано в каждом.</translation>
    </message>
    <message>
      <source>Export problems as CSV</source>
      <translation>Выгрузить проблемы в CSV</translation>
    </message>
    <message>
      <source>CSV (*.csv)</source>
      <translation>CSV (*.csv)</translation>
    </message>
  </context>
  <context>
    <name>ExportEverything</name>
    <message>
      <source>Writing the pipeline %1…</source>
      <translation>Запись воронки %1…</translation>
    </message>
    <message>
      <source>Exported %1 deals into %2</source>
      <translation>Выгружено сделок: %1, папка %2</translation>
    </message>
    <message>
      <source>Exporting everything…</source>
      <translation>Выгрузка всех данных…</translation>
    </message>
    <message>
      <source>Export everything into a folder</source>
      <translation>Выгрузить все данные в папку</translation>
    </message>
  </context>
  <context>
    <name>FileMenu</name>
    <message>
      <source>&amp;Import deals from files…</source>
      <translation>&amp;Импорт сделок из файлов…</translation>
    </message>
    <message>
      <source>Import contacts from &amp;vCard…</source>
      <translation>Импорт контактов из &amp;vCard…</translation>
    </message>
    <message>
      <source>Export contacts to v&amp;Card…</source>
      <translation>Выгрузить контакты в v&amp;Card…</translation>
    </message>
    <message>
      <source>&amp;Export everything…</source>
      <translation>&amp;Выгрузить все данные…</translation>
    </message>
    <message>
      <source>&amp;New database…</source>
      <translation>&amp;Новая база…</translation>
    </message>
    <message>
      <source>&amp;Open database…</source>
      <translation>&amp;Открыть базу…</translation>
    </message>
    <message>
      <source>Open &amp;recent</source>
      <translation>Н&amp;едавние базы</translation>
    </message>
    <message>
      <source>&amp;Back up now</source>
      <translation>Сделать резервную &amp;копию</translation>
    </message>
    <message>
      <source>Re&amp;store from a backup…</source>
      <translation>Восст&amp;ановить из резервной копии…</translation>
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
      <source>%1 already exists. Open it with File → Open database, or choose another name.</source>
      <translation>%1 уже существует. Откройте его через Файл → Открыть базу или выберите другое имя.</translation>
    </message>
    <message>
      <source>Open a Voronka database</source>
      <translation>Открыть базу «Воронки»</translation>
    </message>
    <message>
      <source>Voronka database (*.db *.sqlite);;All files (*)</source>
      <translation>База «Воронки» (*.db *.sqlite);;Все файлы (*)</translation>
    </message>
  </context>
  <context>
    <name>FilesPage</name>
    <message>
      <source>Files</source>
      <translation>Файлы</translation>
    </message>
    <message>
      <source>Choose one or several CSV or Excel files, or drop them here. Several files (deals and their stage history, deals and a list of users) are joined by an id column.</source>
      <translation>Выберите один или несколько файлов CSV или Excel либо перетащите их сюда. Несколько файлов (сделки и история этапов, сделки и список пользователей) связываются по столбцу с идентификатором.</translation>
    </message>
    <message>
      <source>Add files…</source>
      <translation>Добавить файлы…</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>Убрать</translation>
    </message>
    <message>
      <source>Detected</source>
      <translation>Определено</translation>
    </message>
    <message>
      <source>Headers in row</source>
      <translation>Заголовки в строке</translation>
    </message>
    <message>
      <source>This file holds</source>
      <translation>В этом файле</translation>
    </message>
    <message>
      <source>Joined by the column</source>
      <translation>Связь по столбцу</translation>
    </message>
    <message>
      <source>Files to import</source>
      <translation>Файлы для импорта</translation>
    </message>
    <message>
      <source>Tables (*.csv *.txt *.xlsx *.xlsm *.xls *.ods);;All files (*)</source>
      <translation>Таблицы (*.csv *.txt *.xlsx *.xlsm *.xls *.ods);;Все файлы (*)</translation>
    </message>
    <message>
      <source>Reading the files…</source>
      <translation>Читаем файлы…</translation>
    </message>
    <message>
      <source>No file yet.</source>
      <translation>Файлов пока нет.</translation>
    </message>
    <message>
      <source>— none —</source>
      <translation>— нет —</translation>
    </message>
    <message>
      <source>CSV, encoding %1</source>
      <translation>CSV, кодировка %1</translation>
    </message>
    <message>
      <source>delimiter %1</source>
      <translation>разделитель %1</translation>
    </message>
    <message>
      <source>Excel, sheet «%1»</source>
      <translation>Excel, лист «%1»</translation>
    </message>
    <message>
      <source>headers in row %1</source>
      <translation>заголовки в строке %1</translation>
    </message>
    <message>
      <source>%1 rows</source>
      <translation>строк: %1</translation>
    </message>
    <message>
      <source>reading…</source>
      <translation>читаем…</translation>
    </message>
  </context>
  <context>
    <name>HistoryPage</name>
    <message>
      <source>History</source>
      <translation>История</translation>
    </message>
    <message>
      <source>The stage entries that make the reports of past months. Backward moves are kept as they happened.</source>
      <translation>Переходы по этапам, из которых строятся отчёты прошлых месяцев. Возвраты назад сохраняются так, как были.</translation>
    </message>
    <message>
      <source>Where the history comes from</source>
      <translation>Откуда берётся история</translation>
    </message>
    <message>
      <source>What the files show</source>
      <translation>Что показывают файлы</translation>
    </message>
    <message>
      <source>Inconsistencies</source>
      <translation>Несоответствия</translation>
    </message>
    <message>
      <source>Take the deal as created at its first history row</source>
      <translation>Считать сделку созданной в момент первой строки истории</translation>
    </message>
    <message>
      <source>Drop the history rows before the creation</source>
      <translation>Отбросить строки истории до создания</translation>
    </message>
    <message>
      <source>Enter the current stage after the last history row</source>
      <translation>Добавить вход в текущий этап после последней строки истории</translation>
    </message>
    <message>
      <source>Trust the history</source>
      <translation>Верить истории</translation>
    </message>
    <message>
      <source>Looking through the files…</source>
      <translation>Просматриваем файлы…</translation>
    </message>
    <message>
      <source>The file %1: one row per stage change (%2 rows).</source>
      <translation>Файл %1: по строке на каждую смену этапа (строк: %2).</translation>
    </message>
    <message>
      <source>Date columns of steps in %1: %2.</source>
      <translation>Столбцы с датами шагов в %1: %2.</translation>
    </message>
    <message>
      <source>No history file and no date columns of steps: each deal enters its current stage when it was created (the reports of past months will show only that).</source>
      <translation>Нет ни файла истории, ни столбцов с датами шагов: каждая сделка входит в свой текущий этап в момент создания (отчёты прошлых месяцев покажут только это).</translation>
    </message>
    <message>
      <source>%1 stage entries for %2 deals; %3 backward moves (kept).</source>
      <translation>Входов в этапы: %1 у сделок: %2; возвратов назад: %3 (сохраняются).</translation>
    </message>
    <message>
      <source>History before the deal was created: %1</source>
      <translation>История раньше создания сделки: %1</translation>
    </message>
    <message>
      <source>Current stage disagrees with the last history row: %1</source>
      <translation>Текущий этап не совпадает с последней строкой истории: %1</translation>
    </message>
  </context>
  <context>
    <name>ImportLabels</name>
    <message>
      <source>Deal id in the file</source>
      <translation>ID сделки в файле</translation>
    </message>
    <message>
      <source>Deal name</source>
      <translation>Название сделки</translation>
    </message>
    <message>
      <source>Company</source>
      <translation>Компания</translation>
    </message>
    <message>
      <source>INN</source>
      <translation>ИНН</translation>
    </message>
    <message>
      <source>Website</source>
      <translation>Сайт</translation>
    </message>
    <message>
      <source>Contact name</source>
      <translation>Имя контакта</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>Телефон</translation>
    </message>
    <message>
      <source>E-mail</source>
      <translation>E-mail</translation>
    </message>
    <message>
      <source>Amount</source>
      <translation>Сумма</translation>
    </message>
    <message>
      <source>Currency</source>
      <translation>Валюта</translation>
    </message>
    <message>
      <source>Owner</source>
      <translation>Ответственный</translation>
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
      <source>Created</source>
      <translation>Создана</translation>
    </message>
    <message>
      <source>Expected close</source>
      <translation>Ожидаемое закрытие</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Статус</translation>
    </message>
    <message>
      <source>Closed time</source>
      <translation>Время закрытия</translation>
    </message>
    <message>
      <source>Lost reason</source>
      <translation>Причина проигрыша</translation>
    </message>
    <message>
      <source>Stage</source>
      <translation>Этап</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>Примечание</translation>
    </message>
    <message>
      <source>Entered the stage at</source>
      <translation>Вход в этап</translation>
    </message>
    <message>
      <source>User name</source>
      <translation>Имя пользователя</translation>
    </message>
    <message>
      <source>— skip —</source>
      <translation>— пропустить —</translation>
    </message>
    <message>
      <source>Deals</source>
      <translation>Сделки</translation>
    </message>
    <message>
      <source>Stage history</source>
      <translation>История этапов</translation>
    </message>
    <message>
      <source>Users (id → name)</source>
      <translation>Пользователи (ID → имя)</translation>
    </message>
    <message>
      <source>Won</source>
      <translation>Выиграна</translation>
    </message>
    <message>
      <source>Lost</source>
      <translation>Проиграна</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>Открыта</translation>
    </message>
    <message>
      <source>Skip these rows</source>
      <translation>Пропустить эти строки</translation>
    </message>
    <message>
      <source>Merge with the one found</source>
      <translation>Объединить с найденной</translation>
    </message>
    <message>
      <source>Keep both</source>
      <translation>Оставить обе</translation>
    </message>
    <message>
      <source>Skip (leave the deal without it)</source>
      <translation>Пропустить (сделка останется без неё)</translation>
    </message>
    <message>
      <source>File cannot be read</source>
      <translation>Файл не читается</translation>
    </message>
    <message>
      <source>A required field has no column</source>
      <translation>Для обязательного поля нет столбца</translation>
    </message>
    <message>
      <source>The mapping names a column the file lacks</source>
      <translation>В сопоставлении есть столбец, которого нет в файле</translation>
    </message>
    <message>
      <source>Amount cannot be read</source>
      <translation>Сумма не читается</translation>
    </message>
    <message>
      <source>Date cannot be read</source>
      <translation>Дата не читается</translation>
    </message>
    <message>
      <source>Day and month order must be chosen</source>
      <translation>Нужно выбрать порядок дня и месяца</translation>
    </message>
    <message>
      <source>Unknown currency</source>
      <translation>Неизвестная валюта</translation>
    </message>
    <message>
      <source>Stage or status value not mapped</source>
      <translation>Значение этапа или статуса не сопоставлено</translation>
    </message>
    <message>
      <source>Row without a deal id</source>
      <translation>Строка без ID сделки</translation>
    </message>
    <message>
      <source>Deal id repeated</source>
      <translation>ID сделки повторяется</translation>
    </message>
    <message>
      <source>History row of a deal not in the deals file</source>
      <translation>Строка истории сделки, которой нет в файле сделок</translation>
    </message>
    <message>
      <source>Owner id not in the users file</source>
      <translation>ID ответственного нет в файле пользователей</translation>
    </message>
    <message>
      <source>Website cannot be read</source>
      <translation>Сайт не читается</translation>
    </message>
    <message>
      <source>INN is not valid</source>
      <translation>Неверный ИНН</translation>
    </message>
    <message>
      <source>Phone cannot be read</source>
      <translation>Телефон не читается</translation>
    </message>
    <message>
      <source>E-mail cannot be read</source>
      <translation>E-mail не читается</translation>
    </message>
    <message>
      <source>History before the deal was created</source>
      <translation>История раньше создания сделки</translation>
    </message>
    <message>
      <source>Current stage disagrees with the history</source>
      <translation>Текущий этап не совпадает с историей</translation>
    </message>
    <message>
      <source>Closed deal without a closing time</source>
      <translation>Закрытая сделка без времени закрытия</translation>
    </message>
    <message>
      <source>Open deal with a closing time</source>
      <translation>Открытая сделка со временем закрытия</translation>
    </message>
    <message>
      <source>Negative amount</source>
      <translation>Отрицательная сумма</translation>
    </message>
    <message>
      <source>Currency differs from the team's</source>
      <translation>Валюта отличается от валюты команды</translation>
    </message>
    <message>
      <source>Other problems</source>
      <translation>Другие проблемы</translation>
    </message>
    <message>
      <source>Date of the step: %1</source>
      <translation>Дата шага: %1</translation>
    </message>
    <message>
      <source>Card field: %1</source>
      <translation>Поле карточки: %1</translation>
    </message>
    <message>
      <source>— choose —</source>
      <translation>— выберите —</translation>
    </message>
    <message>
      <source>Stage: %1</source>
      <translation>Этап: %1</translation>
    </message>
    <message>
      <source>events on its deals since the import (moves, wins, losses, owner changes)</source>
      <translation>событий по его сделкам после импорта (переходы, выигрыши, проигрыши, смена ответственного)</translation>
    </message>
    <message>
      <source>of its deals edited since</source>
      <translation>его сделок изменено после импорта</translation>
    </message>
    <message>
      <source>of its companies edited since</source>
      <translation>его компаний изменено после импорта</translation>
    </message>
    <message>
      <source>of its contacts edited since</source>
      <translation>его контактов изменено после импорта</translation>
    </message>
    <message>
      <source>of its new members edited since</source>
      <translation>его новых сотрудников изменено после импорта</translation>
    </message>
    <message>
      <source>of its custom field values edited since</source>
      <translation>его значений дополнительных полей изменено после импорта</translation>
    </message>
    <message>
      <source>of its lost reasons edited since</source>
      <translation>его причин проигрыша изменено после импорта</translation>
    </message>
    <message>
      <source>of its custom fields edited since</source>
      <translation>его дополнительных полей изменено после импорта</translation>
    </message>
    <message>
      <source>tasks on its deals</source>
      <translation>задач по его сделкам</translation>
    </message>
    <message>
      <source>activities on its deals</source>
      <translation>действий по его сделкам</translation>
    </message>
    <message>
      <source>activities with its contacts</source>
      <translation>действий с его контактами</translation>
    </message>
    <message>
      <source>deals copied from its deals (Client Success)</source>
      <translation>сделок, скопированных из его сделок («Клиентский успех»)</translation>
    </message>
    <message>
      <source>other deals at its companies</source>
      <translation>других сделок у его компаний</translation>
    </message>
    <message>
      <source>other contacts at its companies</source>
      <translation>других контактов у его компаний</translation>
    </message>
    <message>
      <source>contact links made since</source>
      <translation>связей с контактами добавлено после импорта</translation>
    </message>
    <message>
      <source>other deals owned by its new members</source>
      <translation>других сделок у его новых сотрудников</translation>
    </message>
    <message>
      <source>events made by its new members since</source>
      <translation>событий его новых сотрудников после импорта</translation>
    </message>
    <message>
      <source>tasks of its new members</source>
      <translation>задач его новых сотрудников</translation>
    </message>
    <message>
      <source>activities of its new members</source>
      <translation>действий его новых сотрудников</translation>
    </message>
    <message>
      <source>plans of its new members</source>
      <translation>планов его новых сотрудников</translation>
    </message>
    <message>
      <source>settings of its new members</source>
      <translation>настроек его новых сотрудников</translation>
    </message>
    <message>
      <source>other deals lost for its new lost reasons</source>
      <translation>других сделок, проигранных по его новым причинам</translation>
    </message>
    <message>
      <source>other values in its new custom fields</source>
      <translation>других значений в его новых дополнительных полях</translation>
    </message>
  </context>
  <context>
    <name>ImportProblems</name>
    <message>
      <source>the file has no column «%1»</source>
      <translation>в файле нет столбца «%1»</translation>
    </message>
    <message>
      <source>«%1» is not a date format</source>
      <translation>«%1» — не формат даты</translation>
    </message>
    <message>
      <source>every day and month is 12 or less: choose DD/MM/YYYY or MM/DD/YYYY</source>
      <translation>все дни и месяцы не больше 12: выберите ДД/ММ/ГГГГ или ММ/ДД/ГГГГ</translation>
    </message>
    <message>
      <source>not a date: %1</source>
      <translation>не дата: %1</translation>
    </message>
    <message>
      <source>not an INN: %1</source>
      <translation>не ИНН: %1</translation>
    </message>
    <message>
      <source>not a website: %1</source>
      <translation>не адрес сайта: %1</translation>
    </message>
    <message>
      <source>not an e-mail address: %1</source>
      <translation>не адрес электронной почты: %1</translation>
    </message>
    <message>
      <source>not a phone number: %1</source>
      <translation>не номер телефона: %1</translation>
    </message>
    <message>
      <source>not an amount: %1</source>
      <translation>не сумма: %1</translation>
    </message>
    <message>
      <source>the deal id is empty</source>
      <translation>номер сделки пуст</translation>
    </message>
    <message>
      <source>the deal id «%1» is on row %2 too</source>
      <translation>номер сделки «%1» есть и в строке %2</translation>
    </message>
    <message>
      <source>the deal id is too long</source>
      <translation>номер сделки слишком длинный</translation>
    </message>
    <message>
      <source>no creation time</source>
      <translation>нет времени создания</translation>
    </message>
    <message>
      <source>a negative amount</source>
      <translation>отрицательная сумма</translation>
    </message>
    <message>
      <source>not a currency code (RUB, USD, EUR …)</source>
      <translation>не код валюты (RUB, USD, EUR …)</translation>
    </message>
    <message>
      <source>not in the users file</source>
      <translation>нет в файле пользователей</translation>
    </message>
    <message>
      <source>no column is mapped to the creation time (and there is no history)</source>
      <translation>ни один столбец не сопоставлен со временем создания (и истории нет)</translation>
    </message>
    <message>
      <source>no column is mapped to «%1»</source>
      <translation>ни один столбец не сопоставлен с полем «%1»</translation>
    </message>
    <message>
      <source>the stage «%1» (history rows: %2) is mapped to no stage</source>
      <translation>этап «%1» (строк истории: %2) не сопоставлен ни с одним этапом</translation>
    </message>
    <message>
      <source>no file is mapped as the deals file</source>
      <translation>ни один файл не выбран как файл сделок</translation>
    </message>
    <message>
      <source>the pipeline has no stage «%1»</source>
      <translation>в воронке нет этапа «%1»</translation>
    </message>
    <message>
      <source>«%1» is not a stage of the pipeline «%2»</source>
      <translation>«%1» — не этап воронки «%2»</translation>
    </message>
    <message>
      <source>«%1»: no such stage in the pipeline</source>
      <translation>«%1»: такого этапа в воронке нет</translation>
    </message>
    <message>
      <source>history before the deal was created</source>
      <translation>история раньше создания сделки</translation>
    </message>
    <message>
      <source>the current stage is not the one of the last history row</source>
      <translation>текущий этап не тот, что в последней строке истории</translation>
    </message>
    <message>
      <source>a won deal without a closing time</source>
      <translation>выигранная сделка без времени закрытия</translation>
    </message>
    <message>
      <source>a lost deal without a closing time</source>
      <translation>проигранная сделка без времени закрытия</translation>
    </message>
    <message>
      <source>closed before its last stage entry</source>
      <translation>закрыта раньше последнего перехода на этап</translation>
    </message>
    <message>
      <source>«%1» «%2» (rows: %3) is mapped to nothing</source>
      <translation>«%1» «%2» (строк: %3) ни с чем не сопоставлен</translation>
    </message>
    <message>
      <source>most deals are in %1, but the team currency is %2; reports count every amount in the team currency</source>
      <translation>большинство сделок в %1, а валюта команды — %2; отчёты считают все суммы в валюте команды</translation>
    </message>
    <message>
      <source>not a vCard file (%1)</source>
      <translation>не файл vCard (%1)</translation>
    </message>
    <message>
      <source>not an e-mail address</source>
      <translation>не адрес электронной почты</translation>
    </message>
    <message>
      <source>not a phone number</source>
      <translation>не номер телефона</translation>
    </message>
    <message>
      <source>a card without a name, e-mail or phone</source>
      <translation>визитка без имени, почты и телефона</translation>
    </message>
    <message>
      <source>shares a phone with «%1», another person</source>
      <translation>тот же телефон, что у «%1», другого человека</translation>
    </message>
    <message>
      <source>nothing is read into «%1»</source>
      <translation>в поле «%1» ничего не читается</translation>
    </message>
    <message>
      <source>imported without this value</source>
      <translation>импортируется без этого значения</translation>
    </message>
    <message>
      <source>history rows before the creation are left out</source>
      <translation>строки истории до создания пропускаются</translation>
    </message>
    <message>
      <source>created at its first history row</source>
      <translation>создана в момент первой строки истории</translation>
    </message>
    <message>
      <source>left at «%1»</source>
      <translation>остаётся на этапе «%1»</translation>
    </message>
    <message>
      <source>moved to «%1» after its last history row</source>
      <translation>переводится на этап «%1» после последней строки истории</translation>
    </message>
    <message>
      <source>closed at its last stage entry</source>
      <translation>закрыта в момент последнего перехода на этап</translation>
    </message>
    <message>
      <source>the team currency is left as it is</source>
      <translation>валюта команды не меняется</translation>
    </message>
    <message>
      <source>imported as a new contact</source>
      <translation>импортируется как новый контакт</translation>
    </message>
    <message>
      <source>a time without a date</source>
      <translation>время без даты</translation>
    </message>
    <message>
      <source>a number, not a date</source>
      <translation>число, а не дата</translation>
    </message>
    <message>
      <source>not a date in any known format</source>
      <translation>не дата ни в одном известном формате</translation>
    </message>
    <message>
      <source>day and month could be either way; choose the column's format</source>
      <translation>день и месяц можно прочесть и так и так; выберите формат столбца</translation>
    </message>
    <message>
      <source>no such day</source>
      <translation>такого дня нет</translation>
    </message>
    <message>
      <source>it holds words or signs that are not part of an amount</source>
      <translation>в ней есть слова или знаки, которых в сумме не бывает</translation>
    </message>
    <message>
      <source>«%1» is a multiplier: a file's amount is read as written</source>
      <translation>«%1» — множитель: сумма из файла читается как написана</translation>
    </message>
    <message>
      <source>two currency marks</source>
      <translation>два знака валюты</translation>
    </message>
    <message>
      <source>spaces inside the number, but the column groups thousands otherwise</source>
      <translation>пробелы внутри числа, а в столбце тысячи разделены иначе</translation>
    </message>
    <message>
      <source>more than one decimal point «%1»</source>
      <translation>больше одного десятичного разделителя «%1»</translation>
    </message>
    <message>
      <source>separators after the decimal point</source>
      <translation>разделители после десятичной запятой</translation>
    </message>
    <message>
      <source>«%1» where the column uses «%2» as the decimal point</source>
      <translation>«%1», а в столбце десятичный разделитель «%2»</translation>
    </message>
    <message>
      <source>digits are not grouped by three</source>
      <translation>цифры не сгруппированы по три</translation>
    </message>
    <message>
      <source>not a number</source>
      <translation>не число</translation>
    </message>
    <message>
      <source>an INN has digits only</source>
      <translation>в ИНН только цифры</translation>
    </message>
    <message>
      <source>an INN has 10 digits (organisation) or 12 (person)</source>
      <translation>в ИНН 10 цифр (организация) или 12 (физлицо)</translation>
    </message>
    <message>
      <source>the INN check digits do not match: look for a typo</source>
      <translation>контрольные цифры ИНН не сходятся: поищите опечатку</translation>
    </message>
    <message>
      <source>not a website address (like acme.ru)</source>
      <translation>не адрес сайта (вроде acme.ru)</translation>
    </message>
    <message>
      <source>not an e-mail address (like name@acme.ru)</source>
      <translation>не адрес электронной почты (вроде name@acme.ru)</translation>
    </message>
    <message>
      <source>the part after @ is not a domain (like acme.ru)</source>
      <translation>после @ не домен (вроде acme.ru)</translation>
    </message>
    <message>
      <source>no such number: check the digits (a Russian number has 10 digits after +7)</source>
      <translation>такого номера нет: проверьте цифры (в российском номере 10 цифр после +7)</translation>
    </message>
    <message>
      <source>at most %1 characters</source>
      <translation>не больше %1 символов</translation>
    </message>
    <message>
      <source>cannot be empty</source>
      <translation>не может быть пустым</translation>
    </message>
    <message>
      <source>error</source>
      <translation>ошибка</translation>
    </message>
    <message>
      <source>warning</source>
      <translation>предупреждение</translation>
    </message>
    <message>
      <source>Severity</source>
      <translation>Важность</translation>
    </message>
    <message>
      <source>Problem</source>
      <translation>Проблема</translation>
    </message>
    <message>
      <source>File</source>
      <translation>Файл</translation>
    </message>
    <message>
      <source>Row</source>
      <translation>Строка</translation>
    </message>
    <message>
      <source>Cell</source>
      <translation>Ячейка</translation>
    </message>
    <message>
      <source>Column</source>
      <translation>Столбец</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>Значение</translation>
    </message>
    <message>
      <source>What is wrong</source>
      <translation>Что не так</translation>
    </message>
    <message>
      <source>What the import does</source>
      <translation>Что сделает импорт</translation>
    </message>
  </context>
  <context>
    <name>ImportWizard</name>
    <message>
      <source>Import deals</source>
      <translation>Импорт сделок</translation>
    </message>
    <message>
      <source>Looking through the files…</source>
      <translation>Просматриваем файлы…</translation>
    </message>
    <message>
      <source>Import of %1</source>
      <translation>Импорт %1</translation>
    </message>
    <message>
      <source>Importing…</source>
      <translation>Импортируем…</translation>
    </message>
  </context>
  <context>
    <name>ImportsTab</name>
    <message>
      <source>This import cannot be reverted: people have worked on what it created since.</source>
      <translation>Этот импорт нельзя откатить: с тем, что он создал, уже поработали.</translation>
    </message>
    <message>
      <source>Revert…</source>
      <translation>Откатить…</translation>
    </message>
    <message>
      <source>Import deals from files…</source>
      <translation>Импортировать сделки из файлов…</translation>
    </message>
    <message>
      <source>Revert removes exactly what the import created. It refuses once someone has worked on those records (moved or edited a deal, added a task…).</source>
      <translation>Откат удаляет ровно то, что создал импорт. Он откажет, если с этими записями уже работали (перенесли или изменили сделку, добавили задачу…).</translation>
    </message>
    <message>
      <source>Imports</source>
      <translation>Импорты</translation>
    </message>
    <message>
      <source>When</source>
      <translation>Когда</translation>
    </message>
    <message>
      <source>Who</source>
      <translation>Кто</translation>
    </message>
    <message>
      <source>Files</source>
      <translation>Файлы</translation>
    </message>
    <message>
      <source>Deals</source>
      <translation>Сделки</translation>
    </message>
    <message>
      <source>What it brought</source>
      <translation>Что добавлено</translation>
    </message>
    <message>
      <source>State</source>
      <translation>Состояние</translation>
    </message>
    <message>
      <source>stage entries</source>
      <translation>входов в этапы</translation>
    </message>
    <message>
      <source>companies</source>
      <translation>компаний</translation>
    </message>
    <message>
      <source>contacts</source>
      <translation>контактов</translation>
    </message>
    <message>
      <source>new members</source>
      <translation>новых сотрудников</translation>
    </message>
    <message>
      <source>reverted %1</source>
      <translation>откачен %1</translation>
    </message>
    <message>
      <source>in the database</source>
      <translation>в базе</translation>
    </message>
    <message>
      <source>Revert the import</source>
      <translation>Откат импорта</translation>
    </message>
    <message>
      <source>Remove the %1 deals and everything else the import of %2 created?</source>
      <translation>Удалить сделки (%1) и всё остальное, что создал импорт %2?</translation>
    </message>
  </context>
  <context>
    <name>PeoplePage</name>
    <message>
      <source>People and companies</source>
      <translation>Люди и компании</translation>
    </message>
    <message>
      <source>New team members, and companies and contacts that are already known.</source>
      <translation>Новые сотрудники, а также компании и контакты, которые уже известны.</translation>
    </message>
    <message>
      <source>Owners who are not in the team yet</source>
      <translation>Ответственные, которых ещё нет в команде</translation>
    </message>
    <message>
      <source>Everyone not chosen otherwise joins as</source>
      <translation>Остальные войдут в команду как</translation>
    </message>
    <message>
      <source>Companies and contacts</source>
      <translation>Компании и контакты</translation>
    </message>
    <message>
      <source>A company found already</source>
      <translation>Компания уже есть</translation>
    </message>
    <message>
      <source>A contact found already</source>
      <translation>Контакт уже есть</translation>
    </message>
    <message>
      <source>Looking through the files…</source>
      <translation>Просматриваем файлы…</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Имя</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>Роль</translation>
    </message>
    <message>
      <source>%1 new members:</source>
      <translation>Новых сотрудников: %1</translation>
    </message>
    <message>
      <source>Every owner is a team member already.</source>
      <translation>Все ответственные уже есть в команде.</translation>
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
      <source>Names that look alike (%1), kept apart: %2</source>
      <translation>Похожие названия (%1), остаются раздельными: %2</translation>
    </message>
    <message>
      <source>%1: %2 new, %3 found in the database, %4 repeated within the files.</source>
      <translation>%1: новых %2, найдено в базе %3, повторяются в файлах %4.</translation>
    </message>
  </context>
  <context>
    <name>VCard</name>
    <message>
      <source>Import of %1</source>
      <translation>Импорт %1</translation>
    </message>
    <message>
      <source>Import contacts from vCard</source>
      <translation>Импорт контактов из vCard</translation>
    </message>
    <message>
      <source>vCard (*.vcf *.vcard);;All files (*)</source>
      <translation>vCard (*.vcf *.vcard);;Все файлы (*)</translation>
    </message>
    <message>
      <source>Export contacts to vCard</source>
      <translation>Выгрузить контакты в vCard</translation>
    </message>
    <message>
      <source>vCard (*.vcf)</source>
      <translation>vCard (*.vcf)</translation>
    </message>
    <message>
      <source>vCard…</source>
      <translation>vCard…</translation>
    </message>
    <message>
      <source>Save this contact as a vCard file for a phone or a mail program</source>
      <translation>Сохранить контакт файлом vCard для телефона или почтовой программы</translation>
    </message>
  </context>
  <context>
    <name>VCardImportDialog</name>
    <message>
      <source>Import contacts from %1</source>
      <translation>Импорт контактов из %1</translation>
    </message>
    <message>
      <source>%1 contacts in the file: %2 new, %3 already in the database (same e-mail, or same phone and name), %4 share a phone with another person (imported as new contacts), %5 repeated within the file.</source>
      <translation>Контактов в файле: %1 — новых %2, уже есть в базе %3 (тот же e-mail или тот же телефон и имя), %4 делят телефон с другим человеком (импортируются как новые), %5 повторяются в файле.</translation>
    </message>
    <message>
      <source>A person already in the database</source>
      <translation>Человек, который уже есть в базе</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>Импортировать</translation>
    </message>
    <message>
      <source>Already in the database:</source>
      <translation>Уже есть в базе:</translation>
    </message>
  </context>
  <context>
    <name>ValuesPage</name>
    <message>
      <source>Values</source>
      <translation>Значения</translation>
    </message>
    <message>
      <source>What each stage and status of the files becomes, and how dates and numbers are written.</source>
      <translation>Чем становится каждый этап и статус из файлов, и как записаны даты и числа.</translation>
    </message>
    <message>
      <source>Stages in the files</source>
      <translation>Этапы в файлах</translation>
    </message>
    <message>
      <source>Statuses in the files</source>
      <translation>Статусы в файлах</translation>
    </message>
    <message>
      <source>Dates and amounts</source>
      <translation>Даты и суммы</translation>
    </message>
    <message>
      <source>Other choices</source>
      <translation>Прочее</translation>
    </message>
    <message>
      <source>Currency of amounts without one</source>
      <translation>Валюта сумм, где она не указана</translation>
    </message>
    <message>
      <source>Stop the import until they are fixed</source>
      <translation>Не импортировать, пока не исправлено</translation>
    </message>
    <message>
      <source>Import the deal without that value</source>
      <translation>Импортировать сделку без этого значения</translation>
    </message>
    <message>
      <source>A value that cannot be read</source>
      <translation>Значение, которое не читается</translation>
    </message>
    <message>
      <source>A lost deal without a stage was lost at</source>
      <translation>Проигранная сделка без этапа проиграна на этапе</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>Значение</translation>
    </message>
    <message>
      <source>Rows</source>
      <translation>Строк</translation>
    </message>
    <message>
      <source>Becomes</source>
      <translation>Становится</translation>
    </message>
    <message>
      <source>— day or month first? choose —</source>
      <translation>— сначала день или месяц? выберите —</translation>
    </message>
    <message>
      <source>no dates found</source>
      <translation>дат не найдено</translation>
    </message>
    <message>
      <source>numbers like %1</source>
      <translation>числа вида %1</translation>
    </message>
    <message>
      <source>%1 values cannot be read</source>
      <translation>не читается значений: %1</translation>
    </message>
    <message>
      <source>Excel dates</source>
      <translation>даты Excel</translation>
    </message>
    <message>
      <source>day first</source>
      <translation>сначала день</translation>
    </message>
    <message>
      <source>month first</source>
      <translation>сначала месяц</translation>
    </message>
    <message>
      <source>year first</source>
      <translation>сначала год</translation>
    </message>
  </context>
</TS>

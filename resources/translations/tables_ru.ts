<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
<context>
    <name>CompaniesPage</name>
    <message>
        <source>Company</source>
        <translation>Компания</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Сайт</translation>
    </message>
    <message>
        <source>INN</source>
        <translation>ИНН</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Отрасль</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Регион</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Сегмент</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>Сделки</translation>
    </message>
    <message>
        <source>Open deals</source>
        <translation>Открытые сделки</translation>
    </message>
    <message>
        <source>The companies you sell to, with their websites, INN and deals. A company is added here when you create a deal for it or import your data.</source>
        <translation>Компании, которым вы продаёте: сайт, ИНН, сделки. Компания появляется здесь, когда вы создаёте для неё сделку или импортируете данные.</translation>
    </message>
</context>
<context>
    <name>ContactsPage</name>
    <message>
        <source>Decision maker</source>
        <translation>ЛПР</translation>
    </message>
    <message>
        <source>Influencer</source>
        <translation>ЛВР</translation>
    </message>
    <message>
        <source>Champion</source>
        <translation>Чемпион</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Другое</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Компания</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Call %1</source>
        <translation>Позвонить: %1</translation>
    </message>
    <message>
        <source>Write to %1</source>
        <translation>Написать: %1</translation>
    </message>
    <message>
        <source>The people you talk to at your clients, with their phones and e-mails. Contacts come with your deals or with an import.</source>
        <translation>Люди, с которыми вы общаетесь у клиентов, с телефонами и почтой. Контакты появляются вместе со сделками или при импорте.</translation>
    </message>
</context>
<context>
    <name>DealsPage</name>
    <message>
        <source>Open</source>
        <translation>Открыта</translation>
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
        <source>Deal</source>
        <translation>Сделка</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Компания</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Этап</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сумма</translation>
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
        <source>Cohort</source>
        <translation>Когорта</translation>
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
        <source>Closed</source>
        <translation>Закрыта</translation>
    </message>
    <message>
        <source>Lost reason</source>
        <translation>Причина проигрыша</translation>
    </message>
    <message>
        <source>New deal…</source>
        <translation>Новая сделка…</translation>
    </message>
    <message>
        <source>A new deal in the first stage of the sales pipeline</source>
        <translation>Новая сделка на первом этапе воронки продаж</translation>
    </message>
    <message>
        <source>Every deal of every pipeline in one table: search, filter, sort and export them. Add your first deal, or bring your deals in from Excel or another CRM.</source>
        <translation>Все сделки всех воронок в одной таблице: поиск, фильтры, сортировка и выгрузка. Добавьте первую сделку или перенесите сделки из Excel или другой CRM.</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Ответственный</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Этап</translation>
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
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открытые</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Выигранные</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Проигранные</translation>
    </message>
    <message>
        <source>Decision maker</source>
        <translation>ЛПР</translation>
    </message>
    <message>
        <source>Influencer</source>
        <translation>ЛВР</translation>
    </message>
    <message>
        <source>Champion</source>
        <translation>Чемпион</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Другое</translation>
    </message>
    <message>
        <source>Created from</source>
        <translation>Создано с</translation>
    </message>
    <message>
        <source>Created to</source>
        <translation>Создано по</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Создано</translation>
    </message>
    <message>
        <source>from</source>
        <translation>от</translation>
    </message>
    <message>
        <source>to</source>
        <translation>до</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Сбросить фильтры</translation>
    </message>
</context>
<context>
    <name>RecordPage</name>
    <message>
        <source>Search…</source>
        <translation>Поиск…</translation>
    </message>
    <message>
        <source>Saved views: a filter, a sort and columns under a name</source>
        <translation>Сохранённые виды: фильтр, сортировка и столбцы под одним именем</translation>
    </message>
    <message>
        <source>Save or delete a view</source>
        <translation>Сохранить или удалить вид</translation>
    </message>
    <message>
        <source>Save view as…</source>
        <translation>Сохранить вид как…</translation>
    </message>
    <message>
        <source>Delete this view</source>
        <translation>Удалить этот вид</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Столбцы</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Считаем…</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 из %2</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Фильтры</translation>
    </message>
    <message>
        <source>Save view</source>
        <translation>Сохранить вид</translation>
    </message>
    <message>
        <source>Name of the view:</source>
        <translation>Название вида:</translation>
    </message>
    <message>
        <source>All records</source>
        <translation>Все записи</translation>
    </message>
    <message>
        <source>Exporting %1 rows…</source>
        <translation>Выгрузка строк: %1…</translation>
    </message>
    <message>
        <source>Open card</source>
        <translation>Открыть карточку</translation>
    </message>
</context>
<context>
    <name>TableExport</name>
    <message>
        <source>Export</source>
        <translation>Выгрузить</translation>
    </message>
    <message>
        <source>Save the rows shown — their filter, sort and columns</source>
        <translation>Сохранить показанные строки — с их фильтром, сортировкой и столбцами</translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx)…</source>
        <translation>Книга Excel (.xlsx)…</translation>
    </message>
    <message>
        <source>CSV file (.csv)…</source>
        <translation>Файл CSV (.csv)…</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Книга Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>Файл CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exported %1 rows to %2</source>
        <translation>Выгружено строк: %1, файл %2</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
<context>
    <name>ChangePreviewDialog</name>
    <message>
        <source>New stage (Russian)</source>
        <translation>Новый этап (по-русски)</translation>
    </message>
    <message>
        <source>New stage (English)</source>
        <translation>Новый этап (по-английски)</translation>
    </message>
    <message>
        <source>Counting what the reports will read…</source>
        <translation>Считаю, что покажут отчёты…</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Применить</translation>
    </message>
    <message>
        <source>What the reports read now and after the change, for %1 (conversions: cohorts of the year to date). Changed cells are highlighted.</source>
        <translation>Что отчёты показывают сейчас и после изменения, за %1 (конверсии — по когортам с начала года). Изменившиеся ячейки выделены.</translation>
    </message>
    <message>
        <source>The preview could not be counted: %1</source>
        <translation>Не удалось посчитать предпросмотр: %1</translation>
    </message>
</context>
<context>
    <name>FunnelActions</name>
    <message>
        <source>Change the stage «%1»</source>
        <translation>Изменить этап «%1»</translation>
    </message>
    <message>
        <source>Archive the stage «%1»</source>
        <translation>Убрать в архив этап «%1»</translation>
    </message>
    <message>
        <source>Bring back the stage «%1»</source>
        <translation>Вернуть из архива этап «%1»</translation>
    </message>
    <message>
        <source>Add the stage «%1»</source>
        <translation>Добавить этап «%1»</translation>
    </message>
    <message>
        <source>Split the stage «%1»</source>
        <translation>Разделить этап «%1»</translation>
    </message>
    <message>
        <source>Merge «%1» into «%2»</source>
        <translation>Объединить «%1» с «%2»</translation>
    </message>
    <message>
        <source>Change the order of the stages</source>
        <translation>Изменить порядок этапов</translation>
    </message>
    <message>
        <source>Create the pipeline «%1»</source>
        <translation>Создать воронку «%1»</translation>
    </message>
    <message>
        <source>Change the pipeline «%1»</source>
        <translation>Изменить воронку «%1»</translation>
    </message>
    <message>
        <source>Archive the pipeline «%1»</source>
        <translation>Убрать в архив воронку «%1»</translation>
    </message>
    <message>
        <source>Bring back the pipeline «%1»</source>
        <translation>Вернуть из архива воронку «%1»</translation>
    </message>
    <message>
        <source>Add the lost reason «%1»</source>
        <translation>Добавить причину отказа «%1»</translation>
    </message>
    <message>
        <source>Change the lost reason «%1»</source>
        <translation>Изменить причину отказа «%1»</translation>
    </message>
    <message>
        <source>Bring back the lost reason «%1»</source>
        <translation>Вернуть из архива причину отказа «%1»</translation>
    </message>
    <message>
        <source>Archive the lost reason «%1»</source>
        <translation>Убрать в архив причину отказа «%1»</translation>
    </message>
    <message>
        <source>Change the order of the lost reasons</source>
        <translation>Изменить порядок причин отказа</translation>
    </message>
</context>
<context>
    <name>FunnelEditor</name>
    <message>
        <source>New pipeline…</source>
        <translation>Новая воронка…</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>В архив</translation>
    </message>
    <message>
        <source> months</source>
        <translation> мес.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>По-русски</translation>
    </message>
    <message>
        <source>English</source>
        <translation>По-английски</translation>
    </message>
    <message>
        <source>Contract cycle</source>
        <translation>Цикл договора</translation>
    </message>
    <message>
        <source>Pipelines</source>
        <translation>Воронки</translation>
    </message>
    <message>
        <source>Add stage…</source>
        <translation>Добавить этап…</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Выше</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Ниже</translation>
    </message>
    <message>
        <source>Required fields…</source>
        <translation>Обязательные поля…</translation>
    </message>
    <message>
        <source>Merge into the previous stage…</source>
        <translation>Объединить с предыдущим этапом…</translation>
    </message>
    <message>
        <source>Merge into the next stage…</source>
        <translation>Объединить со следующим этапом…</translation>
    </message>
    <message>
        <source>Split this stage…</source>
        <translation>Разделить этот этап…</translation>
    </message>
    <message>
        <source>Add reason…</source>
        <translation>Добавить причину…</translation>
    </message>
    <message>
        <source>Stages</source>
        <translation>Этапы</translation>
    </message>
    <message>
        <source>Lost reasons</source>
        <translation>Причины отказа</translation>
    </message>
    <message>
        <source>Renaming changes names only; an archived stage keeps its history in the reports; a merge, a split and a new order change how the reports read the log, never the log itself. Ctrl+Z undoes any change.</source>
        <translation>Переименование меняет только названия; этап в архиве сохраняет свою историю в отчётах; объединение, разделение и новый порядок меняют то, как отчёты читают журнал, но не сам журнал. Ctrl+Z отменяет любое изменение.</translation>
    </message>
    <message>
        <source>The funnel is kept by the head of sales; you can look at it here.</source>
        <translation>Воронку ведёт руководитель отдела продаж; здесь её можно посмотреть.</translation>
    </message>
    <message>
        <source>Bring back</source>
        <translation>Вернуть</translation>
    </message>
    <message>
        <source>New pipeline</source>
        <translation>Новая воронка</translation>
    </message>
    <message>
        <source>New stage</source>
        <translation>Новый этап</translation>
    </message>
    <message>
        <source>New order of the stages</source>
        <translation>Новый порядок этапов</translation>
    </message>
    <message>
        <source>Reports always read the funnel in its current order, so past conversions will be read in the new order too: the figures below change for deals already in the log. The log itself does not change, and Undo puts the old order back.</source>
        <translation>Отчёты всегда читают воронку в её текущем порядке, поэтому и прошлые конверсии будут прочитаны в новом порядке: цифры ниже меняются и для сделок, которые уже в журнале. Сам журнал не меняется, а отмена вернёт прежний порядок.</translation>
    </message>
    <message>
        <source>Only the head of sales changes the funnel.</source>
        <translation>Воронку меняет только руководитель отдела продаж.</translation>
    </message>
    <message>
        <source>Split the stage «%1»</source>
        <translation>Разделить этап «%1»</translation>
    </message>
    <message>
        <source>A new stage is inserted after «%1». Past deals never entered it, so they reach it only through the &quot;reached&quot; rule: for them it reads as passed when they went further. Name it for the step where deals drop out.</source>
        <translation>После «%1» появится новый этап. Прошлые сделки в него не входили и достигают его только по правилу «достигнут»: для них он считается пройденным, если они пошли дальше. Назовите его по шагу, на котором сделки отваливаются.</translation>
    </message>
    <message>
        <source>«%1» has no neighbouring stage to merge into.</source>
        <translation>У этапа «%1» нет соседнего этапа, с которым его можно объединить.</translation>
    </message>
    <message>
        <source>Merge «%1» into «%2»</source>
        <translation>Объединить «%1» с «%2»</translation>
    </message>
    <message>
        <source>From now on every entry into «%1», past and future, counts as an entry into «%2», and «%1» is archived. The log is not rewritten: the merge is recorded as a change of the funnel, and Undo brings «%1» back exactly as it was.</source>
        <translation>Отныне каждый вход в «%1», прошлый и будущий, считается входом в «%2», а «%1» уходит в архив. Журнал не переписывается: объединение записывается как изменение воронки, а отмена вернёт «%1» точно таким, каким он был.</translation>
    </message>
    <message>
        <source>Funnel</source>
        <translation>Воронка</translation>
    </message>
    <message>
        <source>New lost reason</source>
        <translation>Новая причина отказа</translation>
    </message>
</context>
<context>
    <name>FunnelMessages</name>
    <message>
        <source>A name cannot be empty.</source>
        <translation>Название не может быть пустым.</translation>
    </message>
    <message>
        <source>There is already a lost reason «%1».</source>
        <translation>Причина отказа «%1» уже есть.</translation>
    </message>
    <message>
        <source>«%1» is the won stage: it is not archived, merged or followed by another stage.</source>
        <translation>«%1» — этап выигрыша: его нельзя убрать в архив, объединить или поставить после него другой этап.</translation>
    </message>
    <message>
        <source>«%1» is a side stage: only main stages are merged or split.</source>
        <translation>«%1» — боковой этап: объединять и разделять можно только основные этапы.</translation>
    </message>
    <message>
        <source>Only neighbouring stages that take new deals can be merged.</source>
        <translation>Объединить можно только соседние этапы, которые принимают новые сделки.</translation>
    </message>
    <message>
        <source>«%1» is archived.</source>
        <translation>Этап «%1» в архиве.</translation>
    </message>
    <message>
        <source>«%1» was merged into another stage; undo the merge to bring it back.</source>
        <translation>«%1» объединён с другим этапом; чтобы вернуть его, отмените объединение.</translation>
    </message>
    <message>
        <source>«%1» is the last stage that takes new deals; a pipeline needs one.</source>
        <translation>«%1» — последний этап, который принимает новые сделки; без него воронка не работает.</translation>
    </message>
    <message>
        <source>«%1» has history now, so it stays; archive it instead.</source>
        <translation>У «%1» уже есть история, поэтому он остаётся; уберите его в архив.</translation>
    </message>
    <message>
        <source>The list changed meanwhile; look at it again and retry.</source>
        <translation>Список тем временем изменился; посмотрите на него ещё раз и повторите.</translation>
    </message>
    <message>
        <source>The won stage must stay the last one.</source>
        <translation>Этап выигрыша должен оставаться последним.</translation>
    </message>
    <message>
        <source>Billing months must be a whole number from 1 to 120.</source>
        <translation>Число месяцев в цикле — целое число от 1 до 120.</translation>
    </message>
    <message>
        <source>«%1» is the last sales pipeline that takes deals; the team needs one.</source>
        <translation>«%1» — последняя воронка продаж, принимающая сделки; без неё команде не обойтись.</translation>
    </message>
    <message>
        <source>«%1» is in another pipeline.</source>
        <translation>«%1» — в другой воронке.</translation>
    </message>
    <message>
        <source>%1 changed the stage «%2»%3 since you looked at it; nothing was written. The editor now shows it as it is.</source>
        <translation>%1 изменил(а) этап «%2»%3, пока вы на него смотрели; ничего не записано. Редактор теперь показывает его таким, какой он есть.</translation>
    </message>
    <message>
        <source>%1 changed the pipeline «%2»%3 since you looked at it; nothing was written. The editor now shows it as it is.</source>
        <translation>%1 изменил(а) воронку «%2»%3, пока вы на неё смотрели; ничего не записано. Редактор теперь показывает её такой, какая она есть.</translation>
    </message>
    <message>
        <source>%1 changed the lost reason «%2»%3 since you looked at it; nothing was written. The editor now shows it as it is.</source>
        <translation>%1 изменил(а) причину отказа «%2»%3, пока вы на неё смотрели; ничего не записано. Редактор теперь показывает её такой, какая она есть.</translation>
    </message>
    <message>
        <source>%1 changed the order of «%2»%3 since you looked at it; nothing was written. The editor now shows it as it is.</source>
        <translation>%1 изменил(а) порядок в «%2»%3, пока вы на него смотрели; ничего не записано. Редактор теперь показывает его таким, какой он есть.</translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>Кто-то</translation>
    </message>
    <message>
        <source> at %1</source>
        <translation> в %1</translation>
    </message>
    <message>
        <source>The stage «%1» is archived: it takes no new deals.</source>
        <translation>Этап «%1» в архиве: новые сделки в него не попадают.</translation>
    </message>
</context>
<context>
    <name>NamesDialog</name>
    <message>
        <source>Russian</source>
        <translation>По-русски</translation>
    </message>
    <message>
        <source>English</source>
        <translation>По-английски</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Продажи</translation>
    </message>
    <message>
        <source>Client Success</source>
        <translation>Клиентский успех</translation>
    </message>
    <message>
        <source> months</source>
        <translation> мес.</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>One contract cycle</source>
        <translation>Один цикл договора</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Группа</translation>
    </message>
</context>
<context>
    <name>PipelinesModel</name>
    <message numerus="yes">
        <source>%n-month cycle</source>
        <translation>
            <numerusform>цикл %n месяц</numerusform>
            <numerusform>цикл %n месяца</numerusform>
            <numerusform>цикл %n месяцев</numerusform>
        </translation>
    </message>
    <message>
        <source>(archived)</source>
        <translation>(в архиве)</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>Stage</source>
        <translation>Этап</translation>
    </message>
    <message>
        <source>Reached this month, now</source>
        <translation>Достигли за месяц, сейчас</translation>
    </message>
    <message>
        <source>… afterwards</source>
        <translation>… после</translation>
    </message>
    <message>
        <source>Conversion to the next stage, now</source>
        <translation>Конверсия в следующий этап, сейчас</translation>
    </message>
    <message>
        <source>Advice now</source>
        <translation>Совет сейчас</translation>
    </message>
    <message>
        <source>merge</source>
        <translation>объединить</translation>
    </message>
    <message>
        <source>split</source>
        <translation>разделить</translation>
    </message>
    <message>
        <source>%1 (merged)</source>
        <translation>%1 (объединён)</translation>
    </message>
    <message>
        <source>%1 (new)</source>
        <translation>%1 (новый)</translation>
    </message>
</context>
<context>
    <name>ReasonsModel</name>
    <message>
        <source>Reason (Russian)</source>
        <translation>Причина (по-русски)</translation>
    </message>
    <message>
        <source>Reason (English)</source>
        <translation>Причина (по-английски)</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Группа</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Что дальше</translation>
    </message>
    <message>
        <source>Deals lost for it</source>
        <translation>Проиграно сделок</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>hand to another rep</source>
        <translation>передать другому</translation>
    </message>
    <message>
        <source>revisit later</source>
        <translation>вернуться позже</translation>
    </message>
    <message>
        <source>archived</source>
        <translation>в архиве</translation>
    </message>
</context>
<context>
    <name>StagesModel</name>
    <message>
        <source>Stage (Russian)</source>
        <translation>Этап (по-русски)</translation>
    </message>
    <message>
        <source>Stage (English)</source>
        <translation>Этап (по-английски)</translation>
    </message>
    <message>
        <source>Who works it</source>
        <translation>Кто ведёт</translation>
    </message>
    <message>
        <source>Exit criteria</source>
        <translation>Критерии выхода</translation>
    </message>
    <message>
        <source>Required to enter</source>
        <translation>Нужно для входа</translation>
    </message>
    <message>
        <source>Rot days</source>
        <translation>Застой, дней</translation>
    </message>
    <message>
        <source>Open / entered</source>
        <translation>Открыто / входов</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Deals standing in the stage now / entries into it ever</source>
        <translation>Сделок на этапе сейчас / входов в него за всё время</translation>
    </message>
    <message>
        <source>merged into «%1»</source>
        <translation>объединён с «%1»</translation>
    </message>
    <message>
        <source>archived</source>
        <translation>в архиве</translation>
    </message>
    <message>
        <source>won</source>
        <translation>выигрыш</translation>
    </message>
</context>
</TS>

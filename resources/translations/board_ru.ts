<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
<context>
    <name>Board</name>
    <message>
        <source>today %1</source>
        <translation>сегодня %1</translation>
    </message>
</context>
<context>
    <name>BoardActions</name>
    <message>
        <source>%1 deals</source>
        <translation>сделки (%1)</translation>
    </message>
    <message>
        <source>Move %1 to «%2»</source>
        <translation>Перенести %1 в «%2»</translation>
    </message>
    <message>
        <source>Win %1</source>
        <translation>Выиграть %1</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Выиграна</translation>
    </message>
    <message>
        <source>Lose %1</source>
        <translation>Проиграть %1</translation>
    </message>
    <message>
        <source>Reassign %1 to %2</source>
        <translation>Передать %1: %2</translation>
    </message>
    <message>
        <source>Reactivate %1</source>
        <translation>Вернуть в работу %1</translation>
    </message>
    <message>
        <source>Change the rules of «%1»</source>
        <translation>Изменить правила этапа «%1»</translation>
    </message>
</context>
<context>
    <name>BoardPage</name>
    <message>
        <source>Board</source>
        <translation>Доска</translation>
    </message>
    <message>
        <source>Lost deals</source>
        <translation>Проигранные</translation>
    </message>
    <message>
        <source>Funnel rules</source>
        <translation>Правила воронки</translation>
    </message>
    <message>
        <source>The open deals of this pipeline, stage by stage. Drag a card to the next stage as the deal moves on, and onto Won or Lost when it closes.</source>
        <translation>Открытые сделки этой воронки по этапам. Перетаскивайте карточку на следующий этап, когда сделка продвигается, и в «Выиграна» или «Проиграна», когда она закрыта.</translation>
    </message>
    <message>
        <source>Pipeline:</source>
        <translation>Воронка:</translation>
    </message>
    <message>
        <source>Loading all deals…</source>
        <translation>Загружаем все сделки…</translation>
    </message>
    <message>
        <source>%1 open deals</source>
        <translation>Открытых сделок: %1</translation>
    </message>
    <message>
        <source>%1 of %2 open deals</source>
        <translation>Открытых сделок: %1 из %2</translation>
    </message>
    <message>
        <source>win rates not available</source>
        <translation>вероятности недоступны</translation>
    </message>
</context>
<context>
    <name>BoardView</name>
    <message>
        <source>Won — drop here</source>
        <translation>Выиграна — перетащите сюда</translation>
    </message>
    <message>
        <source>Lost — drop here</source>
        <translation>Проиграна — перетащите сюда</translation>
    </message>
</context>
<context>
    <name>CardDelegate</name>
    <message>
        <source>stuck</source>
        <translation>застряла</translation>
    </message>
    <message>
        <source>no owner</source>
        <translation>без ответственного</translation>
    </message>
    <message>
        <source>no next task</source>
        <translation>нет следующей задачи</translation>
    </message>
    <message>
        <source>Contacts: %1</source>
        <translation>Контакты: %1</translation>
    </message>
    <message>
        <source>Amount: %1</source>
        <translation>Сумма: %1</translation>
    </message>
    <message>
        <source>No amount yet</source>
        <translation>Сумма ещё не указана</translation>
    </message>
    <message>
        <source>In this stage since %1</source>
        <translation>На этом этапе с %1</translation>
    </message>
    <message>
        <source>Stuck: no movement for longer than %1 days, the limit of this stage</source>
        <translation>Застряла: без движения дольше %1 дн. — предела этого этапа</translation>
    </message>
    <message>
        <source>no due date</source>
        <translation>без срока</translation>
    </message>
    <message>
        <source>Next task: %1 (%2)</source>
        <translation>Следующая задача: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>CardMenu</name>
    <message>
        <source>Open card</source>
        <translation>Открыть карточку</translation>
    </message>
    <message>
        <source>Move to…</source>
        <translation>Перенести в…</translation>
    </message>
    <message>
        <source>Next stage</source>
        <translation>Следующий этап</translation>
    </message>
    <message>
        <source>Previous stage</source>
        <translation>Предыдущий этап</translation>
    </message>
    <message>
        <source>Won…</source>
        <translation>Выиграна…</translation>
    </message>
    <message>
        <source>Lost…</source>
        <translation>Проиграна…</translation>
    </message>
    <message>
        <source>Reassign to…</source>
        <translation>Передать…</translation>
    </message>
    <message>
        <source>New deal in this stage…</source>
        <translation>Новая сделка на этом этапе…</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>My deals</source>
        <translation>Мои сделки</translation>
    </message>
    <message>
        <source>amount from</source>
        <translation>сумма от</translation>
    </message>
    <message>
        <source>to</source>
        <translation>до</translation>
    </message>
    <message>
        <source>Stuck only</source>
        <translation>Только застрявшие</translation>
    </message>
    <message>
        <source>Search…</source>
        <translation>Поиск…</translation>
    </message>
    <message>
        <source>Search deals, companies, contacts…</source>
        <translation>Поиск по сделкам, компаниям, контактам…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Сбросить</translation>
    </message>
    <message>
        <source>Show every open deal again</source>
        <translation>Снова показать все открытые сделки</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Фильтры</translation>
    </message>
    <message>
        <source>Owner, source, segment, cohort, amount, stuck deals</source>
        <translation>Ответственный, источник, сегмент, когорта, сумма, зависшие сделки</translation>
    </message>
    <message>
        <source>Any owner</source>
        <translation>Любой ответственный</translation>
    </message>
    <message>
        <source>Any source</source>
        <translation>Любой источник</translation>
    </message>
    <message>
        <source>Any segment</source>
        <translation>Любой сегмент</translation>
    </message>
    <message>
        <source>Any cohort</source>
        <translation>Любая когорта</translation>
    </message>
    <message>
        <source>Not an amount: this limit is ignored</source>
        <translation>Это не сумма: граница не учитывается</translation>
    </message>
</context>
<context>
    <name>FunnelRulesModel</name>
    <message>
        <source>Stage</source>
        <translation>Этап</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <source>Exit criteria</source>
        <translation>Критерии выхода</translation>
    </message>
    <message>
        <source>Required to enter</source>
        <translation>Обязательно для входа</translation>
    </message>
    <message>
        <source>Rot days</source>
        <translation>Дней до «застряла»</translation>
    </message>
    <message>
        <source>Probability override</source>
        <translation>Вероятность вручную</translation>
    </message>
    <message>
        <source>Win rate (computed)</source>
        <translation>Вероятность (по истории)</translation>
    </message>
    <message>
        <source>Stuck after, days</source>
        <translation>Застряла после, дн.</translation>
    </message>
</context>
<context>
    <name>FunnelRulesView</name>
    <message>
        <source>The rules of moving, written down: double-click a cell to change it. Ctrl+Z undoes a change.</source>
        <translation>Правила перехода между этапами — записаны, а не в головах. Дважды щёлкните ячейку, чтобы изменить; Ctrl+Z отменяет изменение.</translation>
    </message>
    <message>
        <source>Only the head of sales changes the funnel rules; here you can read them.</source>
        <translation>Правила воронки меняет только руководитель отдела продаж; здесь их можно прочитать.</translation>
    </message>
</context>
<context>
    <name>LostDealsView</name>
    <message>
        <source>Search lost deals…</source>
        <translation>Поиск по проигранным сделкам…</translation>
    </message>
    <message>
        <source>Reactivate to stage…</source>
        <translation>Вернуть в работу на этап…</translation>
    </message>
    <message>
        <source>Reassign to…</source>
        <translation>Передать…</translation>
    </message>
    <message>
        <source>Deals lost in this pipeline, grouped by reason: see why deals are lost, and win some back by reassigning or reactivating them. A deal lands here when it is dropped on Lost.</source>
        <translation>Проигранные сделки этой воронки по причинам: видно, почему сделки теряются, и часть можно вернуть — передать другому менеджеру или возобновить. Сделка попадает сюда, когда её бросают в «Проиграна».</translation>
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
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Lost at stage</source>
        <translation>Проиграна на этапе</translation>
    </message>
    <message>
        <source>Lost on</source>
        <translation>Дата проигрыша</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Ответственный</translation>
    </message>
    <message>
        <source>%1%2
deals: %3 · %4</source>
        <translation>%1%2
сделок: %3 · %4</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Комментарий</translation>
    </message>
    <message>
        <source>No reason given</source>
        <translation>Причина не указана</translation>
    </message>
    <message>
        <source>All lost deals</source>
        <translation>Все проигранные сделки</translation>
    </message>
    <message>
        <source>Often worth another try by another rep: select the deals and use “Reassign to…”.</source>
        <translation>Часто стоит попробовать ещё раз силами другого менеджера: выберите сделки и нажмите «Передать…».</translation>
    </message>
    <message>
        <source>Lost to a competitor: revisit them after product changes with “Reactivate to stage…”.</source>
        <translation>Ушли к конкуренту: вернитесь к ним после изменений в продукте — «Вернуть в работу на этап…».</translation>
    </message>
</context>
<context>
    <name>LostDialog</name>
    <message>
        <source>Deal lost</source>
        <translation>Сделка проиграна</translation>
    </message>
    <message>
        <source>%1 deals lost</source>
        <translation>Проиграно сделок: %1</translation>
    </message>
    <message>
        <source>Choose a reason…</source>
        <translation>Выберите причину…</translation>
    </message>
    <message>
        <source>What happened (optional)</source>
        <translation>Что произошло (необязательно)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Комментарий</translation>
    </message>
    <message>
        <source>Mark as lost</source>
        <translation>Отметить проигранной</translation>
    </message>
</context>
<context>
    <name>RequiredFieldsDialog</name>
    <message>
        <source>Before the move</source>
        <translation>Перед переносом</translation>
    </message>
    <message>
        <source>To move «%1» to «%2», fill in:</source>
        <translation>Чтобы перенести «%1» на этап «%2», заполните:</translation>
    </message>
    <message>
        <source>Fill in %1 in the deal&apos;s card first.</source>
        <translation>Сначала заполните в карточке сделки: %1.</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Перенести</translation>
    </message>
    <message>
        <source>e.g. 250 000 ₽</source>
        <translation>например, 250 000 ₽</translation>
    </message>
    <message>
        <source>The amount must be more than zero.</source>
        <translation>Сумма должна быть больше нуля.</translation>
    </message>
    <message>
        <source>Fill in %1 to move the deal.</source>
        <translation>Заполните: %1 — чтобы перенести сделку.</translation>
    </message>
    <message>
        <source>I mean %1</source>
        <translation>Имею в виду %1</translation>
    </message>
</context>
<context>
    <name>RequiredFieldsPicker</name>
    <message>
        <source>Required to enter «%1»</source>
        <translation>Обязательно для входа в «%1»</translation>
    </message>
    <message>
        <source>A deal enters this stage only with these fields filled in:</source>
        <translation>Сделка попадает на этот этап, только когда заполнены эти поля:</translation>
    </message>
</context>
<context>
    <name>RulesDelegate</name>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>computed</source>
        <translation>по истории</translation>
    </message>
</context>
<context>
    <name>StageColumn</name>
    <message>
        <source>%1 (archived)</source>
        <translation>%1 (в архиве)</translation>
    </message>
    <message>
        <source>↳ branch of «%1»</source>
        <translation>↳ ветка этапа «%1»</translation>
    </message>
    <message>
        <source>+ New deal</source>
        <translation>+ Новая сделка</translation>
    </message>
    <message>
        <source>Create a deal in this stage</source>
        <translation>Создать сделку на этом этапе</translation>
    </message>
    <message>
        <source>What must be true to move on: %1</source>
        <translation>Что должно быть выполнено для перехода дальше: %1</translation>
    </message>
    <message>
        <source>No exit criteria written for this stage yet (Funnel rules).</source>
        <translation>Критерии выхода для этого этапа ещё не записаны (Правила воронки).</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 из %2</translation>
    </message>
    <message>
        <source>%1 deals · %2</source>
        <translation>сделок: %1 · %2</translation>
    </message>
    <message>
        <source>weighted: —</source>
        <translation>взвешенно: —</translation>
    </message>
    <message>
        <source>weighted %1 (%2)</source>
        <translation>взвешенно %1 (%2)</translation>
    </message>
</context>
<context>
    <name>WonDialog</name>
    <message>
        <source>Deal won</source>
        <translation>Сделка выиграна</translation>
    </message>
    <message>
        <source>%1 deals won</source>
        <translation>Выиграно сделок: %1</translation>
    </message>
    <message>
        <source>Mark the deal as won?</source>
        <translation>Отметить сделку выигранной?</translation>
    </message>
    <message>
        <source>Mark %1 deals as won?</source>
        <translation>Отметить выигранными сделки (%1)?</translation>
    </message>
    <message>
        <source>Copy into the Client Success pipeline</source>
        <translation>Скопировать в воронку «Клиентский успех»</translation>
    </message>
    <message>
        <source>Mark as won</source>
        <translation>Отметить выигранной</translation>
    </message>
</context>
</TS>

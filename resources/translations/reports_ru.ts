<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
  <context>
    <name>CompareDialog</name>
    <message>
      <source>Compare snapshots</source>
      <translation>Сравнение снимков</translation>
    </message>
    <message>
      <source>Metric</source>
      <translation>Метрика</translation>
    </message>
    <message>
      <source>Change A → B</source>
      <translation>Изменение A → B</translation>
    </message>
    <message>
      <source>the whole team</source>
      <translation>вся команда</translation>
    </message>
    <message>
      <source>A: %1 · B: %2</source>
      <translation>A: %1 · B: %2</translation>
    </message>
  </context>
  <context>
    <name>Customise</name>
    <message>
      <source>Reports — monthly</source>
      <translation>Отчёты — ежемесячный</translation>
    </message>
    <message>
      <source>Reports — weekly</source>
      <translation>Отчёты — еженедельный</translation>
    </message>
    <message>
      <source>Reports — daily</source>
      <translation>Отчёты — ежедневный</translation>
    </message>
  </context>
  <context>
    <name>CustomiseDialog</name>
    <message>
      <source>Customise Voronka</source>
      <translation>Настройка Воронки</translation>
    </message>
    <message>
      <source>Settings always stays in the sidebar.</source>
      <translation>«Настройки» всегда остаются в боковой панели.</translation>
    </message>
    <message>
      <source>Move up</source>
      <translation>Выше</translation>
    </message>
    <message>
      <source>Move down</source>
      <translation>Ниже</translation>
    </message>
    <message>
      <source>Open at launch:</source>
      <translation>Открывать при запуске:</translation>
    </message>
    <message>
      <source>Sidebar: tick the pages to show, drag them (or use the buttons) to reorder.</source>
      <translation>Боковая панель: отметьте нужные страницы и перетащите их (или используйте кнопки), чтобы задать порядок.</translation>
    </message>
    <message>
      <source>Choose who you are (Settings → Team) first: the layout is kept per person.</source>
      <translation>Сначала выберите, кто вы (Настройки → Команда): расположение хранится для каждого сотрудника.</translation>
    </message>
  </context>
  <context>
    <name>DealListTile</name>
    <message>
      <source>%1 — %2, %3</source>
      <translation>%1 — %2, %3</translation>
    </message>
    <message>
      <source>Owner: %1 · Amount: %2</source>
      <translation>Ответственный: %1 · Сумма: %2</translation>
    </message>
  </context>
  <context>
    <name>DrilldownDialog</name>
    <message>
      <source>%1 deals. Double-click a deal to open its card.</source>
      <translation>Сделок: %1. Дважды щёлкните сделку, чтобы открыть её карточку.</translation>
    </message>
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
      <source>Stage now</source>
      <translation>Этап сейчас</translation>
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
      <source>Created</source>
      <translation>Создана</translation>
    </message>
    <message>
      <source>Closed</source>
      <translation>Закрыта</translation>
    </message>
  </context>
  <context>
    <name>MetricTile</name>
    <message>
      <source>Metric</source>
      <translation>Метрика</translation>
    </message>
    <message>
      <source>Target: %1</source>
      <translation>Цель: %1</translation>
    </message>
    <message>
      <source>%1 · target %2</source>
      <translation>%1 · цель %2</translation>
    </message>
  </context>
  <context>
    <name>MetricsModel</name>
    <message>
      <source>Metric</source>
      <translation>Метрика</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>Значение</translation>
    </message>
    <message>
      <source>Target</source>
      <translation>Цель</translation>
    </message>
    <message>
      <source>Met?</source>
      <translation>Выполнена?</translation>
    </message>
    <message>
      <source>Previous period</source>
      <translation>Прошлый период</translation>
    </message>
    <message>
      <source>Change</source>
      <translation>Изменение</translation>
    </message>
    <message>
      <source>Target: %1</source>
      <translation>Цель: %1</translation>
    </message>
    <message>
      <source>Double-click to see the deals behind this number.</source>
      <translation>Дважды щёлкните, чтобы увидеть сделки за этой цифрой.</translation>
    </message>
  </context>
  <context>
    <name>MrrTab</name>
    <message>
      <source>MRR by month</source>
      <translation>MRR по месяцам</translation>
    </message>
    <message>
      <source>MRR at the month's end</source>
      <translation>MRR на конец месяца</translation>
    </message>
    <message>
      <source>MRR movement: new, churned, net</source>
      <translation>Движение MRR: новый, потерянный, чистый</translation>
    </message>
    <message>
      <source>New</source>
      <translation>Новый</translation>
    </message>
    <message>
      <source>Churned</source>
      <translation>Потерянный</translation>
    </message>
    <message>
      <source>Net</source>
      <translation>Чистый прирост</translation>
    </message>
    <message>
      <source>The team has no Client Success pipeline, so there is no recurring revenue to show. MRR, churn and CLV are read from the deals of a Client Success pipeline (won deals can be copied there from the board).</source>
      <translation>У команды нет воронки «Клиентский успех», поэтому регулярного дохода нет. MRR, отток и CLV считаются по сделкам воронки «Клиентский успех» (выигранные сделки можно копировать туда с доски).</translation>
    </message>
    <message>
      <source>Counting…</source>
      <translation>Считаю…</translation>
    </message>
  </context>
  <context>
    <name>NoNextStepTile</name>
    <message>
      <source>Deals with no next step</source>
      <translation>Сделки без следующего шага</translation>
    </message>
    <message>
      <source>Every open deal has a next step.</source>
      <translation>У каждой открытой сделки есть следующий шаг.</translation>
    </message>
    <message>
      <source>%1 open deals have no open task. Plan the next step:</source>
      <translation>Открытых сделок без задачи: %1. Запланируйте следующий шаг:</translation>
    </message>
  </context>
  <context>
    <name>PipelineTile</name>
    <message>
      <source>Pipeline by stage</source>
      <translation>Воронка по этапам</translation>
    </message>
  </context>
  <context>
    <name>PlanFactTile</name>
    <message>
      <source>Plan vs fact this quarter</source>
      <translation>План и факт этого квартала</translation>
    </message>
    <message>
      <source>Plan vs fact this year</source>
      <translation>План и факт этого года</translation>
    </message>
    <message>
      <source>Plan vs fact this month</source>
      <translation>План и факт этого месяца</translation>
    </message>
    <message>
      <source>Period</source>
      <translation>Период</translation>
    </message>
    <message>
      <source>This month</source>
      <translation>Этот месяц</translation>
    </message>
    <message>
      <source>This quarter</source>
      <translation>Этот квартал</translation>
    </message>
    <message>
      <source>This year</source>
      <translation>Этот год</translation>
    </message>
    <message>
      <source>No plan for %1: set one in Settings → Plans.</source>
      <translation>Нет плана на %1: задайте его в Настройки → Планы.</translation>
    </message>
    <message>
      <source>of plan %1 (%2)</source>
      <translation>из плана %1 (%2)</translation>
    </message>
    <message>
      <source>%1 of the quarter's working days gone</source>
      <translation>прошло %1 рабочих дней квартала, считая сегодня</translation>
    </message>
    <message>
      <source>%1 of the year's working days gone</source>
      <translation>прошло %1 рабочих дней года, считая сегодня</translation>
    </message>
    <message>
      <source>%1 of the month's working days gone</source>
      <translation>прошло %1 рабочих дней месяца, считая сегодня</translation>
    </message>
  </context>
  <context>
    <name>PlanTab</name>
    <message>
      <source>The plan through the funnel and the real funnel</source>
      <translation>План по воронке и настоящая воронка</translation>
    </message>
    <message>
      <source>Needed by the plan</source>
      <translation>Нужно по плану</translation>
    </message>
    <message>
      <source>Reached</source>
      <translation>Дошло</translation>
    </message>
    <message>
      <source>deals this period</source>
      <translation>сделок за период</translation>
    </message>
    <message>
      <source>The plan for %1, read backwards through the funnel</source>
      <translation>План на %1, прочитанный назад по воронке</translation>
    </message>
    <message>
      <source>There is no plan for %1: set one in Settings → Plans.</source>
      <translation>Плана на %1 нет: задайте его в Настройках → Планы.</translation>
    </message>
    <message>
      <source>Plan %1. There are no deals won in the last 365 days to tell how many wins it takes.</source>
      <translation>План %1. За последние 365 дней нет выигранных сделок, чтобы понять, сколько побед для него нужно.</translation>
    </message>
    <message>
      <source>Plan %1: at the average deal of the last 365 days that is %2 deals won.</source>
      <translation>План %1: при среднем чеке за последние 365 дней это %2 выигранных сделок.</translation>
    </message>
    <message>
      <source>This year's conversions cannot yet be read back to Work started.</source>
      <translation>По конверсиям этого года пока нельзя дойти назад до этапа «Взяты в работу».</translation>
    </message>
    <message>
      <source>Read back through this year's conversions, %1 deals must be taken into work.</source>
      <translation>Назад по конверсиям этого года: в работу нужно взять %1 сделок.</translation>
    </message>
    <message>
      <source>Each SDR: %1 sales actions a working day (now %2).</source>
      <translation>Каждому SDR: %1 действий продаж в рабочий день (сейчас %2).</translation>
    </message>
    <message numerus="yes">
      <source>%n working day(s) left.</source>
      <translation>
        <numerusform>Остался %n рабочий день.</numerusform>
        <numerusform>Осталось %n рабочих дня.</numerusform>
        <numerusform>Осталось %n рабочих дней.</numerusform>
      </translation>
    </message>
    <message>
      <source>The period is over.</source>
      <translation>Период закончился.</translation>
    </message>
  </context>
  <context>
    <name>PlanTodayTile</name>
    <message>
      <source>What this quarter's plan asks today</source>
      <translation>Что план квартала требует сегодня</translation>
    </message>
    <message>
      <source>What this year's plan asks today</source>
      <translation>Что план года требует сегодня</translation>
    </message>
    <message>
      <source>What this month's plan asks today</source>
      <translation>Что план месяца требует сегодня</translation>
    </message>
    <message>
      <source>Period</source>
      <translation>Период</translation>
    </message>
    <message>
      <source>This month</source>
      <translation>Этот месяц</translation>
    </message>
    <message>
      <source>This quarter</source>
      <translation>Этот квартал</translation>
    </message>
    <message>
      <source>This year</source>
      <translation>Этот год</translation>
    </message>
    <message>
      <source>No plan for %1: set one in Settings → Plans.</source>
      <translation>Плана на %1 нет: задайте его в Настройках → Планы.</translation>
    </message>
    <message numerus="yes">
      <source>%1 · %n working day(s) left, today included</source>
      <translation>
        <numerusform>%1 · остался %n рабочий день, считая сегодня</numerusform>
        <numerusform>%1 · осталось %n рабочих дня, считая сегодня</numerusform>
        <numerusform>%1 · осталось %n рабочих дней, считая сегодня</numerusform>
      </translation>
    </message>
    <message>
      <source>%1 is over.</source>
      <translation>%1 закончился.</translation>
    </message>
    <message>
      <source>Stage</source>
      <translation>Этап</translation>
    </message>
    <message>
      <source>Still needed</source>
      <translation>Ещё нужно</translation>
    </message>
    <message>
      <source>Today</source>
      <translation>Сегодня</translation>
    </message>
    <message>
      <source>Needed this period: %1, reached so far: %2</source>
      <translation>Нужно за период: %1, дошло пока: %2</translation>
    </message>
    <message>
      <source>Each SDR: %1 sales actions a day (now %2)</source>
      <translation>Каждому SDR: %1 действий продаж в день (сейчас %2)</translation>
    </message>
  </context>
  <context>
    <name>ReportCharts</name>
    <message>
      <source>Funnel</source>
      <translation>Воронка</translation>
    </message>
    <message>
      <source>Cumulative revenue vs plan vs last year</source>
      <translation>Доход нарастающим итогом: план и прошлый год</translation>
    </message>
    <message>
      <source>Revenue growth by month</source>
      <translation>Рост дохода по месяцам</translation>
    </message>
    <message>
      <source>next stage this period: %1</source>
      <translation>следующий этап в этом периоде: %1</translation>
    </message>
    <message>
      <source>year-to-date cohort conversion to next: %1</source>
      <translation>конверсия в следующий этап (когорта с 1 января): %1</translation>
    </message>
    <message>
      <source>vs the month before</source>
      <translation>к прошлому месяцу</translation>
    </message>
    <message>
      <source>of deals started this year</source>
      <translation>от взятых в работу за год</translation>
    </message>
    <message>
      <source>other reasons</source>
      <translation>прочие причины</translation>
    </message>
    <message>
      <source>deals lost</source>
      <translation>потерянные сделки</translation>
    </message>
    <message>
      <source>Conversions over the last 12 weeks</source>
      <translation>Конверсии за последние 12 недель</translation>
    </message>
    <message>
      <source>Sales actions per person per day</source>
      <translation>Действия продаж на человека в день</translation>
    </message>
    <message>
      <source>Funnel: deals reaching each main stage</source>
      <translation>Воронка: сделки, дошедшие до каждого основного этапа</translation>
    </message>
    <message>
      <source>deals</source>
      <translation>сделки</translation>
    </message>
    <message>
      <source>Revenue, cumulative: fact, plan, last year</source>
      <translation>Доход нарастающим итогом: факт, план, прошлый год</translation>
    </message>
    <message>
      <source>Fact</source>
      <translation>Факт</translation>
    </message>
    <message>
      <source>Plan</source>
      <translation>План</translation>
    </message>
    <message>
      <source>Last year</source>
      <translation>Прошлый год</translation>
    </message>
    <message>
      <source>month</source>
      <translation>месяц</translation>
    </message>
    <message>
      <source>Growth</source>
      <translation>Рост</translation>
    </message>
    <message>
      <source>Decline</source>
      <translation>Падение</translation>
    </message>
    <message>
      <source>target +6 %</source>
      <translation>цель +6 %</translation>
    </message>
    <message>
      <source>Conversions, last weeks</source>
      <translation>Конверсии за последние недели</translation>
    </message>
    <message>
      <source>week</source>
      <translation>неделя</translation>
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
      <source>others</source>
      <translation>остальные</translation>
    </message>
    <message>
      <source>SDR target 30</source>
      <translation>цель SDR 30</translation>
    </message>
    <message>
      <source>AE target 15</source>
      <translation>цель AE 15</translation>
    </message>
    <message>
      <source>actions per working day</source>
      <translation>действий в рабочий день</translation>
    </message>
    <message>
      <source>Sales actions by day and person</source>
      <translation>Действия продаж по дням и людям</translation>
    </message>
    <message>
      <source>day</source>
      <translation>день</translation>
    </message>
    <message>
      <source>sales actions</source>
      <translation>действия продаж</translation>
    </message>
    <message>
      <source>Lost reasons by stage</source>
      <translation>Причины проигрыша по этапам</translation>
    </message>
  </context>
  <context>
    <name>ReportController</name>
    <message>
      <source>Counting…</source>
      <translation>Считаем…</translation>
    </message>
    <message>
      <source>Loading the history…</source>
      <translation>Загружаем историю…</translation>
    </message>
    <message>
      <source>The report could not be computed: %1</source>
      <translation>Не удалось посчитать отчёт: %1</translation>
    </message>
    <message>
      <source>As of %1 · counting the change and trend…</source>
      <translation>На %1 · считаем изменение и динамику…</translation>
    </message>
    <message>
      <source>Counting the previous period and the trend…</source>
      <translation>Считаем прошлый период и динамику…</translation>
    </message>
    <message>
      <source>The previous period could not be computed: %1</source>
      <translation>Не удалось посчитать прошлый период: %1</translation>
    </message>
    <message>
      <source>As of %1</source>
      <translation>На %1</translation>
    </message>
    <message>
      <source>Finding the deals…</source>
      <translation>Ищем сделки…</translation>
    </message>
    <message>
      <source>Exported to %1</source>
      <translation>Выгружено в %1</translation>
    </message>
    <message>
      <source>Exporting…</source>
      <translation>Выгружаем…</translation>
    </message>
  </context>
  <context>
    <name>ReportExport</name>
    <message>
      <source>Period</source>
      <translation>Период</translation>
    </message>
    <message>
      <source>As of</source>
      <translation>На момент</translation>
    </message>
    <message>
      <source>Whose numbers</source>
      <translation>Чьи цифры</translation>
    </message>
    <message>
      <source>the whole team</source>
      <translation>вся команда</translation>
    </message>
    <message>
      <source>Pipeline</source>
      <translation>Воронка</translation>
    </message>
    <message>
      <source>Exported</source>
      <translation>Выгружен</translation>
    </message>
    <message>
      <source>Metric</source>
      <translation>Метрика</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>Значение</translation>
    </message>
    <message>
      <source>Target</source>
      <translation>Цель</translation>
    </message>
    <message>
      <source>Met?</source>
      <translation>Выполнена?</translation>
    </message>
    <message>
      <source>Previous period</source>
      <translation>Прошлый период</translation>
    </message>
    <message>
      <source>Change</source>
      <translation>Изменение</translation>
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
      <source>Metrics</source>
      <translation>Метрики</translation>
    </message>
    <message>
      <source>What the metrics mean</source>
      <translation>Что означают метрики</translation>
    </message>
    <message>
      <source>No rows for this period.</source>
      <translation>За этот период строк нет.</translation>
    </message>
    <message>
      <source>as of</source>
      <translation>на</translation>
    </message>
    <message>
      <source>page %1 of %2</source>
      <translation>стр. %1 из %2</translation>
    </message>
    <message>
      <source>Monthly report</source>
      <translation>Ежемесячный отчёт</translation>
    </message>
    <message>
      <source>Weekly report</source>
      <translation>Еженедельный отчёт</translation>
    </message>
    <message>
      <source>Daily report</source>
      <translation>Ежедневный отчёт</translation>
    </message>
    <message>
      <source>Exported by</source>
      <translation>Выгрузил</translation>
    </message>
    <message>
      <source>Formula</source>
      <translation>Формула</translation>
    </message>
    <message>
      <source>Metric id</source>
      <translation>Код метрики</translation>
    </message>
    <message>
      <source>Target, as the catalogue writes it</source>
      <translation>Цель, как в каталоге</translation>
    </message>
    <message>
      <source>Trend</source>
      <translation>Динамика</translation>
    </message>
    <message>
      <source>weeks</source>
      <translation>недели</translation>
    </message>
    <message>
      <source>days</source>
      <translation>дни</translation>
    </message>
    <message>
      <source>Sales actions</source>
      <translation>Действия продаж</translation>
    </message>
    <message>
      <source>Charts</source>
      <translation>Графики</translation>
    </message>
    <message>
      <source>Deals reaching the stage</source>
      <translation>Сделки, дошедшие до этапа</translation>
    </message>
    <message>
      <source>Funnel: deals reaching each stage in the period</source>
      <translation>Воронка: сделки, дошедшие до каждого этапа за период</translation>
    </message>
    <message>
      <source>deals</source>
      <translation>сделки</translation>
    </message>
    <message>
      <source>Fact, cumulative</source>
      <translation>Факт, нарастающим итогом</translation>
    </message>
    <message>
      <source>Plan, cumulative</source>
      <translation>План, нарастающим итогом</translation>
    </message>
    <message>
      <source>Revenue of the month</source>
      <translation>Доход месяца</translation>
    </message>
    <message>
      <source>Revenue: fact vs plan</source>
      <translation>Доход: факт и план</translation>
    </message>
    <message>
      <source>month</source>
      <translation>месяц</translation>
    </message>
    <message>
      <source>Sales actions per working day</source>
      <translation>Действий продаж в рабочий день</translation>
    </message>
    <message>
      <source>Sales actions per person per day (targets: SDR 30, AE 15)</source>
      <translation>Действия продаж на человека в день (цели: SDR 30, AE 15)</translation>
    </message>
    <message>
      <source>actions per day</source>
      <translation>действий в день</translation>
    </message>
    <message>
      <source>Deals lost</source>
      <translation>Потерянные сделки</translation>
    </message>
    <message>
      <source>Lost reasons</source>
      <translation>Причины проигрыша</translation>
    </message>
    <message>
      <source>Conversions by period</source>
      <translation>Конверсии по периодам</translation>
    </message>
  </context>
  <context>
    <name>ReportJudgement</name>
    <message>
      <source>More than 75 % of the people made their plan: nobody fell short, but the plans are probably too easy. Raise them so that 60–75 % make it.</source>
      <translation>План выполнили больше 75 % сотрудников: никто не отстал, но планы, скорее всего, слишком лёгкие. Поднимите их, чтобы план выполняли 60–75 %.</translation>
    </message>
    <message>
      <source>More companies in work than the SDRs can keep touching: some will go without follow-up. Reassign them or close the stale ones.</source>
      <translation>Компаний в работе больше, чем SDR успевают вести: часть останется без касаний. Передайте их коллегам или закройте зависшие.</translation>
    </message>
    <message>
      <source>More open deals than the AEs can keep moving: some will go without follow-up. Reassign them or close the stale ones.</source>
      <translation>Открытых сделок больше, чем AE успевают вести: часть останется без движения. Передайте их коллегам или закройте зависшие.</translation>
    </message>
    <message>
      <source>above the range</source>
      <translation>выше диапазона</translation>
    </message>
    <message>
      <source>in progress</source>
      <translation>идёт</translation>
    </message>
    <message>
      <source>pace %1</source>
      <translation>темп %1</translation>
    </message>
    <message>
      <source>met</source>
      <translation>выполнена</translation>
    </message>
    <message>
      <source>missed</source>
      <translation>не выполнена</translation>
    </message>
  </context>
  <context>
    <name>ReportTab</name>
    <message>
      <source>Counting…</source>
      <translation>Считаем…</translation>
    </message>
    <message>
      <source>Counting the last periods…</source>
      <translation>Считаем прошлые периоды…</translation>
    </message>
    <message>
      <source>This chart could not be drawn: %1</source>
      <translation>Этот график не удалось построить: %1</translation>
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
  </context>
  <context>
    <name>ReportTables</name>
    <message>
      <source>Stages</source>
      <translation>Этапы</translation>
    </message>
    <message>
      <source>People</source>
      <translation>Люди</translation>
    </message>
    <message>
      <source>Lost reasons</source>
      <translation>Причины проигрыша</translation>
    </message>
    <message>
      <source>Sources</source>
      <translation>Источники</translation>
    </message>
    <message>
      <source>Cohorts</source>
      <translation>Когорты</translation>
    </message>
    <message>
      <source>Revenue by month</source>
      <translation>Доход по месяцам</translation>
    </message>
    <message>
      <source>Reps side by side</source>
      <translation>Сотрудники рядом</translation>
    </message>
    <message>
      <source>Plan through the funnel</source>
      <translation>План по воронке</translation>
    </message>
    <message>
      <source>Stage</source>
      <translation>Этап</translation>
    </message>
    <message>
      <source>Open deals</source>
      <translation>Открытые сделки</translation>
    </message>
    <message>
      <source>Open amount</source>
      <translation>Сумма открытых</translation>
    </message>
    <message>
      <source>Weighted amount</source>
      <translation>Взвешенная сумма</translation>
    </message>
    <message>
      <source>Win rate</source>
      <translation>Вероятность выигрыша</translation>
    </message>
    <message>
      <source>Reached in period</source>
      <translation>Дошли за период</translation>
    </message>
    <message>
      <source>Conversion to next (year-to-date cohort)</source>
      <translation>Конверсия в следующий (когорта с 1 января)</translation>
    </message>
    <message>
      <source>Advice</source>
      <translation>Совет</translation>
    </message>
    <message>
      <source>Days in stage, mean</source>
      <translation>Дней на этапе, среднее</translation>
    </message>
    <message>
      <source>Days, median</source>
      <translation>Дней, медиана</translation>
    </message>
    <message>
      <source>Days, 90th percentile</source>
      <translation>Дней, 90-й перцентиль</translation>
    </message>
    <message>
      <source>Person</source>
      <translation>Сотрудник</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>Роль</translation>
    </message>
    <message>
      <source>Sales actions</source>
      <translation>Действия продаж</translation>
    </message>
    <message>
      <source>Calls</source>
      <translation>Звонки</translation>
    </message>
    <message>
      <source>E-mails</source>
      <translation>Письма</translation>
    </message>
    <message>
      <source>Messages</source>
      <translation>Сообщения</translation>
    </message>
    <message>
      <source>Meetings</source>
      <translation>Встречи</translation>
    </message>
    <message>
      <source>Actions per day</source>
      <translation>Действий в день</translation>
    </message>
    <message>
      <source>Worked</source>
      <translation>Отработано</translation>
    </message>
    <message>
      <source>Replied</source>
      <translation>Ответили</translation>
    </message>
    <message>
      <source>Positive</source>
      <translation>Положительно</translation>
    </message>
    <message>
      <source>Demos appointed</source>
      <translation>Демо назначено</translation>
    </message>
    <message>
      <source>Demos run</source>
      <translation>Демо проведено</translation>
    </message>
    <message>
      <source>Won</source>
      <translation>Выиграно</translation>
    </message>
    <message>
      <source>Revenue</source>
      <translation>Доход</translation>
    </message>
    <message>
      <source>Plan</source>
      <translation>План</translation>
    </message>
    <message>
      <source>Plan attainment</source>
      <translation>Выполнение плана</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>Причина</translation>
    </message>
    <message>
      <source>Deals</source>
      <translation>Сделки</translation>
    </message>
    <message>
      <source>Amount</source>
      <translation>Сумма</translation>
    </message>
    <message>
      <source>Lost at stage</source>
      <translation>Потеряны на этапе</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>Источник</translation>
    </message>
    <message>
      <source>Worked this year</source>
      <translation>Отработано за год</translation>
    </message>
    <message>
      <source>Won this year</source>
      <translation>Выиграно за год</translation>
    </message>
    <message>
      <source>Revenue this year</source>
      <translation>Доход за год</translation>
    </message>
    <message>
      <source>Win rate from work</source>
      <translation>Конверсия в клиента</translation>
    </message>
    <message>
      <source>Cohort</source>
      <translation>Когорта</translation>
    </message>
    <message>
      <source>Reply rate</source>
      <translation>Конверсия в ответ</translation>
    </message>
    <message>
      <source>Demo rate</source>
      <translation>Конверсия в демо</translation>
    </message>
    <message>
      <source>Month</source>
      <translation>Месяц</translation>
    </message>
    <message>
      <source>Last year</source>
      <translation>Прошлый год</translation>
    </message>
    <message>
      <source>Revenue, cumulative</source>
      <translation>Доход нарастающим итогом</translation>
    </message>
    <message>
      <source>Plan, cumulative</source>
      <translation>План, нарастающим итогом</translation>
    </message>
    <message>
      <source>Deals taken into work this year</source>
      <translation>Взято в работу с 1 января</translation>
    </message>
    <message>
      <source>Positive reply rate</source>
      <translation>Конверсия в положительный ответ</translation>
    </message>
    <message>
      <source>Average deal this year</source>
      <translation>Средний чек с 1 января</translation>
    </message>
    <message>
      <source>Sales cycle this year, days</source>
      <translation>Цикл продаж с 1 января, дней</translation>
    </message>
    <message>
      <source>Won of closed this year</source>
      <translation>Выиграно из закрытых с 1 января</translation>
    </message>
    <message>
      <source>Annual plan attainment</source>
      <translation>Выполнение годового плана</translation>
    </message>
    <message>
      <source>Needed this period</source>
      <translation>Нужно в периоде</translation>
    </message>
    <message>
      <source>Reached this period</source>
      <translation>Дошло в периоде</translation>
    </message>
    <message>
      <source>Gap</source>
      <translation>Разрыв</translation>
    </message>
    <message>
      <source>Team median</source>
      <translation>Медиана команды</translation>
    </message>
    <message>
      <source>merge with the next step</source>
      <translation>объединить со следующим шагом</translation>
    </message>
    <message>
      <source>split to find the bottleneck</source>
      <translation>разбить, чтобы найти узкое место</translation>
    </message>
    <message>
      <source>MRR at the month's end</source>
      <translation>MRR на конец месяца</translation>
    </message>
    <message>
      <source>New MRR</source>
      <translation>Новый MRR</translation>
    </message>
    <message>
      <source>Churned MRR</source>
      <translation>Потерянный MRR</translation>
    </message>
    <message>
      <source>Net new MRR</source>
      <translation>Чистый прирост MRR</translation>
    </message>
    <message>
      <source>Still needed</source>
      <translation>Ещё нужно</translation>
    </message>
    <message>
      <source>Per working day left</source>
      <translation>В день до конца</translation>
    </message>
  </context>
  <context>
    <name>ReportTile</name>
    <message>
      <source>Counting…</source>
      <translation>Считаем…</translation>
    </message>
    <message>
      <source>Could not count: %1</source>
      <translation>Не удалось посчитать: %1</translation>
    </message>
  </context>
  <context>
    <name>ReportsPage</name>
    <message>
      <source>Monthly</source>
      <translation>Ежемесячный</translation>
    </message>
    <message>
      <source>Weekly</source>
      <translation>Еженедельный</translation>
    </message>
    <message>
      <source>Daily</source>
      <translation>Ежедневный</translation>
    </message>
    <message>
      <source>MRR</source>
      <translation>MRR</translation>
    </message>
    <message>
      <source>Reps</source>
      <translation>Сотрудники</translation>
    </message>
    <message>
      <source>Plan</source>
      <translation>План</translation>
    </message>
    <message>
      <source>Back to the live report</source>
      <translation>Вернуться к текущему отчёту</translation>
    </message>
    <message>
      <source>Conversions from stage to stage, the sales cycle, the plan and each rep's figures — all computed from the history of your deals. The reports fill in as soon as there are deals.</source>
      <translation>Конверсии между этапами, цикл сделки, план и показатели каждого менеджера — всё считается по истории ваших сделок. Отчёты заполнятся, как только появятся сделки.</translation>
    </message>
    <message>
      <source>Previous period</source>
      <translation>Прошлый период</translation>
    </message>
    <message>
      <source>Next period</source>
      <translation>Следующий период</translation>
    </message>
    <message>
      <source>Type a month (2026-10), an ISO week (2026-W43), a day (2026-10-21), a quarter (2026-Q3) or a year (2026), then Enter</source>
      <translation>Введите месяц (2026-10), ISO-неделю (2026-W43), день (2026-10-21), квартал (2026-Q3) или год (2026) и нажмите Enter</translation>
    </message>
    <message>
      <source>Month</source>
      <translation>Месяц</translation>
    </message>
    <message>
      <source>Quarter</source>
      <translation>Квартал</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>Год</translation>
    </message>
    <message>
      <source>Read a month, a quarter or a year</source>
      <translation>Отчёт за месяц, квартал или год</translation>
    </message>
    <message>
      <source>This period</source>
      <translation>Текущий</translation>
    </message>
    <message>
      <source>as of now</source>
      <translation>на сейчас</translation>
    </message>
    <message>
      <source>Untick to see the report as it stood at a past moment</source>
      <translation>Снимите галочку, чтобы увидеть отчёт на прошлый момент</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>Выгрузить</translation>
    </message>
    <message>
      <source>Snapshots</source>
      <translation>Снимки</translation>
    </message>
    <message>
      <source>Pipeline</source>
      <translation>Воронка</translation>
    </message>
    <message>
      <source>Whose numbers</source>
      <translation>Чьи цифры</translation>
    </message>
    <message>
      <source>The whole team</source>
      <translation>Вся команда</translation>
    </message>
    <message>
      <source>Snapshot: %1, as of %2, %3. These are the numbers as they were exported.</source>
      <translation>Снимок: %1, на %2, %3. Это цифры в том виде, в каком их выгрузили.</translation>
    </message>
    <message>
      <source>the whole team</source>
      <translation>вся команда</translation>
    </message>
    <message>
      <source>Excel workbook (XLSX)…</source>
      <translation>Книга Excel (XLSX)…</translation>
    </message>
    <message>
      <source>Printable report (PDF)…</source>
      <translation>Отчёт для печати (PDF)…</translation>
    </message>
    <message>
      <source>Metrics as CSV…</source>
      <translation>Метрики в CSV…</translation>
    </message>
    <message>
      <source>Report as JSON…</source>
      <translation>Отчёт в JSON…</translation>
    </message>
    <message>
      <source>Chart as PNG</source>
      <translation>График в PNG</translation>
    </message>
    <message>
      <source>Wait until the report is counted.</source>
      <translation>Подождите, пока отчёт посчитается.</translation>
    </message>
    <message>
      <source>Export the report</source>
      <translation>Выгрузка отчёта</translation>
    </message>
  </context>
  <context>
    <name>RepsTab</name>
    <message>
      <source>Deals whose move to Work started this year is credited to the rep (whoever moved the card, else the owner then)</source>
      <translation>Сделки, переход которых на этап «Взяты в работу» в этом году засчитан сотруднику (кто передвинул карточку, иначе владелец в тот момент)</translation>
    </message>
    <message>
      <source>Share of the rep's cohort that reached Replied</source>
      <translation>Доля когорты сотрудника, дошедшая до «Общий ответ получен»</translation>
    </message>
    <message>
      <source>Share of the rep's cohort that reached Replied positive</source>
      <translation>Доля когорты сотрудника, дошедшая до «Целевой контакт ответил положительно»</translation>
    </message>
    <message>
      <source>Share of the rep's cohort that reached Demo run</source>
      <translation>Доля когорты сотрудника, дошедшая до «Демо проведено»</translation>
    </message>
    <message>
      <source>Share of the rep's cohort that was won</source>
      <translation>Доля когорты сотрудника, ставшая клиентами</translation>
    </message>
    <message>
      <source>Deals won this year while the rep owned them</source>
      <translation>Сделки, выигранные в этом году, пока ими владел сотрудник</translation>
    </message>
    <message>
      <source>Sum of those deals</source>
      <translation>Сумма этих сделок</translation>
    </message>
    <message>
      <source>Revenue this year / deals won this year</source>
      <translation>Доход с 1 января / выигранные с 1 января сделки</translation>
    </message>
    <message>
      <source>Mean days from Work started to won over those deals</source>
      <translation>Среднее число дней от «Взяты в работу» до выигрыша по этим сделкам</translation>
    </message>
    <message>
      <source>Of the deals the rep owned when they closed this year, the share won</source>
      <translation>Доля выигранных среди сделок сотрудника, закрытых в этом году</translation>
    </message>
    <message>
      <source>Revenue this year / the rep's plan for the year</source>
      <translation>Доход с 1 января / личный годовой план</translation>
    </message>
    <message>
      <source>Sales actions in the period / its working days</source>
      <translation>Действия продаж за период / его рабочие дни</translation>
    </message>
    <message>
      <source>Taken into work</source>
      <translation>Взято в работу</translation>
    </message>
    <message>
      <source>Reply rate</source>
      <translation>Конв. в ответ</translation>
    </message>
    <message>
      <source>Positive reply rate</source>
      <translation>Конв. в полож. ответ</translation>
    </message>
    <message>
      <source>Demo rate</source>
      <translation>Конв. в демо</translation>
    </message>
    <message>
      <source>Win rate from work</source>
      <translation>Конв. в клиента</translation>
    </message>
    <message>
      <source>Won</source>
      <translation>Выиграно</translation>
    </message>
    <message>
      <source>Revenue</source>
      <translation>Доход</translation>
    </message>
    <message>
      <source>Average deal</source>
      <translation>Средний чек</translation>
    </message>
    <message>
      <source>Sales cycle</source>
      <translation>Цикл продаж</translation>
    </message>
    <message>
      <source>Won of closed</source>
      <translation>Выиграно из закрытых</translation>
    </message>
    <message>
      <source>Annual plan</source>
      <translation>Годовой план</translation>
    </message>
    <message>
      <source>Actions per day</source>
      <translation>Действий в день</translation>
    </message>
    <message>
      <source>Team median: %1</source>
      <translation>Медиана команды: %1</translation>
    </message>
    <message>
      <source>Far below the team median: worth a look.</source>
      <translation>Намного хуже медианы команды: стоит разобраться.</translation>
    </message>
    <message>
      <source>Far better than the team median.</source>
      <translation>Намного лучше медианы команды.</translation>
    </message>
    <message>
      <source>Too few deals to judge against the median.</source>
      <translation>Слишком мало сделок, чтобы сравнивать с медианой.</translation>
    </message>
    <message>
      <source>Double-click to see these deals.</source>
      <translation>Дважды щёлкните, чтобы увидеть эти сделки.</translation>
    </message>
    <message>
      <source>This year's work of each rep beside the team median. A red cell is at least 30 % worse than the median with enough deals to judge (20 in the cohort, 3 wins): worth a look. Green text is at least 30 % better. Double-click a stage, a conversion or the wins to see that rep's deals.</source>
      <translation>Работа каждого сотрудника с 1 января рядом с медианой команды. Красная ячейка — хуже медианы минимум на 30 % при достаточном числе сделок (20 в когорте, 3 выигрыша): стоит разобраться. Зелёный текст — лучше минимум на 30 %. Дважды щёлкните этап, конверсию или выигрыши, чтобы увидеть сделки сотрудника.</translation>
    </message>
  </context>
  <context>
    <name>ResizeGrip</name>
    <message>
      <source>Drag to resize</source>
      <translation>Потяните, чтобы изменить размер</translation>
    </message>
  </context>
  <context>
    <name>SnapshotsPanel</name>
    <message>
      <source>Open</source>
      <translation>Открыть</translation>
    </message>
    <message>
      <source>Compare two…</source>
      <translation>Сравнить два…</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Удалить</translation>
    </message>
    <message>
      <source>Snapshots</source>
      <translation>Снимки</translation>
    </message>
    <message>
      <source>every export is kept here; select two to compare them.</source>
      <translation>здесь хранится каждая выгрузка; выберите две, чтобы сравнить.</translation>
    </message>
    <message>
      <source>Period</source>
      <translation>Период</translation>
    </message>
    <message>
      <source>As of</source>
      <translation>На момент</translation>
    </message>
    <message>
      <source>Format</source>
      <translation>Формат</translation>
    </message>
    <message>
      <source>Exported by</source>
      <translation>Выгрузил</translation>
    </message>
    <message>
      <source>Exported</source>
      <translation>Выгружен</translation>
    </message>
    <message>
      <source>Compare snapshots</source>
      <translation>Сравнение снимков</translation>
    </message>
    <message>
      <source>Select exactly two snapshots (Ctrl+click) to compare them.</source>
      <translation>Выберите ровно два снимка (Ctrl+щелчок), чтобы сравнить их.</translation>
    </message>
    <message>
      <source>Delete snapshots</source>
      <translation>Удаление снимков</translation>
    </message>
    <message>
      <source>Delete %1 snapshot(s)? The exported files stay where they are.</source>
      <translation>Удалить снимки (%1)? Выгруженные файлы останутся на месте.</translation>
    </message>
  </context>
  <context>
    <name>StartPage</name>
    <message>
      <source>Add tile</source>
      <translation>Добавить плитку</translation>
    </message>
    <message>
      <source>Reset to defaults</source>
      <translation>Вернуть по умолчанию</translation>
    </message>
    <message>
      <source>Customise…</source>
      <translation>Настроить…</translation>
    </message>
    <message>
      <source>The page opened at launch and the sidebar</source>
      <translation>Страница при запуске и боковая панель</translation>
    </message>
    <message>
      <source>Welcome to Voronka! Your working day starts here: today's tasks, deals without a next step, stuck deals and the plan. Bring in your team's deals and their history from Excel or another CRM, add the first deal by hand, or look around in a demo team first.</source>
      <translation>Добро пожаловать в Воронку! Здесь начинается рабочий день: задачи на сегодня, сделки без следующего шага, зависшие сделки и план. Перенесите сделки команды с историей из Excel или другой CRM, добавьте первую сделку вручную или сначала осмотритесь на демо-команде.</translation>
    </message>
    <message>
      <source>Hello, %1 · %2</source>
      <translation>Здравствуйте, %1 · %2</translation>
    </message>
    <message>
      <source>Hello · %1</source>
      <translation>Здравствуйте · %1</translation>
    </message>
    <message>
      <source>You see the team's start page. Choose who you are (Settings → Team) to arrange your own.</source>
      <translation>Это стартовая страница команды. Выберите, кто вы (Настройки → Команда), чтобы настроить свою.</translation>
    </message>
  </context>
  <context>
    <name>StuckTile</name>
    <message>
      <source>Stuck deals</source>
      <translation>Зависшие сделки</translation>
    </message>
    <message>
      <source>No deal stayed in its stage too long.</source>
      <translation>Ни одна сделка не задержалась на этапе дольше срока.</translation>
    </message>
    <message>
      <source>%1 open deals stayed in their stage longer than its limit:</source>
      <translation>Открытых сделок, задержавшихся на этапе дольше срока: %1</translation>
    </message>
  </context>
  <context>
    <name>TasksTile</name>
    <message>
      <source>My tasks today</source>
      <translation>Мои задачи на сегодня</translation>
    </message>
    <message>
      <source>Choose who you are (Settings → Team) to see your tasks.</source>
      <translation>Выберите, кто вы (Настройки → Команда), чтобы увидеть свои задачи.</translation>
    </message>
    <message>
      <source>%1 due today, %2 overdue</source>
      <translation>на сегодня: %1, просрочено: %2</translation>
    </message>
    <message>
      <source>overdue</source>
      <translation>просрочено</translation>
    </message>
    <message>
      <source>Nothing due today.</source>
      <translation>На сегодня задач нет.</translation>
    </message>
  </context>
  <context>
    <name>Tile</name>
    <message>
      <source>Tile options</source>
      <translation>Настройки плитки</translation>
    </message>
    <message>
      <source>mine</source>
      <translation>мои</translation>
    </message>
    <message>
      <source>team</source>
      <translation>команда</translation>
    </message>
    <message>
      <source>Could not load: %1</source>
      <translation>Не удалось загрузить: %1</translation>
    </message>
    <message>
      <source>My numbers</source>
      <translation>Мои цифры</translation>
    </message>
    <message>
      <source>The team's numbers</source>
      <translation>Цифры команды</translation>
    </message>
    <message>
      <source>Size</source>
      <translation>Размер</translation>
    </message>
    <message>
      <source>%1 × %2 cells</source>
      <translation>%1 × %2 ячейки</translation>
    </message>
    <message>
      <source>Remove tile</source>
      <translation>Убрать плитку</translation>
    </message>
  </context>
  <context>
    <name>Tiles</name>
    <message>
      <source>Yesterday's numbers</source>
      <translation>Цифры прошлого рабочего дня</translation>
    </message>
    <message>
      <source>My tasks today and overdue</source>
      <translation>Мои задачи на сегодня и просроченные</translation>
    </message>
    <message>
      <source>Deals with no next step</source>
      <translation>Сделки без следующего шага</translation>
    </message>
    <message>
      <source>Stuck deals</source>
      <translation>Зависшие сделки</translation>
    </message>
    <message>
      <source>Plan vs fact this month</source>
      <translation>План и факт этого месяца</translation>
    </message>
    <message>
      <source>Pipeline by stage</source>
      <translation>Воронка по этапам</translation>
    </message>
    <message>
      <source>A metric with its sparkline</source>
      <translation>Метрика с мини-графиком</translation>
    </message>
    <message>
      <source>What the plan asks today</source>
      <translation>Что план требует сегодня</translation>
    </message>
  </context>
  <context>
    <name>YesterdayTile</name>
    <message>
      <source>Yesterday's numbers</source>
      <translation>Цифры прошлого рабочего дня</translation>
    </message>
    <message>
      <source>Target: %1 sales actions a day</source>
      <translation>Цель: %1 действий продаж в день</translation>
    </message>
  </context>
</TS>

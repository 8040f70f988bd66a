<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
  <context>
    <name>ActivityBar</name>
    <message>
      <source>Call</source>
      <translation>Звонок</translation>
    </message>
    <message>
      <source>E-mail</source>
      <translation>E-mail</translation>
    </message>
    <message>
      <source>Message</source>
      <translation>Сообщение</translation>
    </message>
    <message>
      <source>Meeting</source>
      <translation>Встреча</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Заметка</translation>
    </message>
    <message>
      <source>Reached</source>
      <translation>Дозвонился</translation>
    </message>
    <message>
      <source>No answer</source>
      <translation>Не ответили</translation>
    </message>
    <message>
      <source>Call back later</source>
      <translation>Перезвонить позже</translation>
    </message>
    <message>
      <source>Wrong number</source>
      <translation>Неверный номер</translation>
    </message>
    <message>
      <source>Sent</source>
      <translation>Отправлено</translation>
    </message>
    <message>
      <source>Replied</source>
      <translation>Ответили</translation>
    </message>
    <message>
      <source>Held</source>
      <translation>Проведена</translation>
    </message>
    <message>
      <source>Rescheduled</source>
      <translation>Перенесена</translation>
    </message>
    <message>
      <source>Did not come</source>
      <translation>Не пришли</translation>
    </message>
    <message>
      <source>%1 (Alt+%2)</source>
      <translation>%1 (Alt+%2)</translation>
    </message>
    <message>
      <source>Outcome</source>
      <translation>Результат</translation>
    </message>
    <message>
      <source>What happened — Enter logs it</source>
      <translation>Что произошло — Enter записывает</translation>
    </message>
    <message>
      <source>Log</source>
      <translation>Записать</translation>
    </message>
    <message>
      <source>— with nobody in particular —</source>
      <translation>— без конкретного контакта —</translation>
    </message>
    <message>
      <source>A note needs some text</source>
      <translation>В заметке нужен текст</translation>
    </message>
    <message>
      <source>Log: %1</source>
      <translation>Запись: %1</translation>
    </message>
  </context>
  <context>
    <name>AddFieldDialog</name>
    <message>
      <source>New field</source>
      <translation>Новое поле</translation>
    </message>
    <message>
      <source>One choice per line</source>
      <translation>По одному варианту в строке</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>Тип</translation>
    </message>
    <message>
      <source>Choices</source>
      <translation>Варианты</translation>
    </message>
    <message>
      <source>Block</source>
      <translation>Блок</translation>
    </message>
  </context>
  <context>
    <name>CardForm</name>
    <message>
      <source>No fields here yet.</source>
      <translation>Полей пока нет.</translation>
    </message>
  </context>
  <context>
    <name>CardLayoutEditor</name>
    <message>
      <source>Deal</source>
      <translation>Сделка</translation>
    </message>
    <message>
      <source>Lead</source>
      <translation>Лид</translation>
    </message>
    <message>
      <source>Company</source>
      <translation>Компания</translation>
    </message>
    <message>
      <source>Contact</source>
      <translation>Контакт</translation>
    </message>
    <message>
      <source>Card</source>
      <translation>Карточка</translation>
    </message>
    <message>
      <source>Stages of</source>
      <translation>Этапы воронки</translation>
    </message>
    <message>
      <source>Field</source>
      <translation>Поле</translation>
    </message>
    <message>
      <source>Add a field…</source>
      <translation>Добавить поле…</translation>
    </message>
    <message>
      <source>Rename…</source>
      <translation>Переименовать…</translation>
    </message>
    <message>
      <source>Choices…</source>
      <translation>Варианты…</translation>
    </message>
    <message>
      <source>Retire</source>
      <translation>Убрать в архив</translation>
    </message>
    <message>
      <source>Hide the field from cards; its data is kept and it can be restored</source>
      <translation>Скрыть поле из карточек; данные сохраняются, поле можно вернуть</translation>
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
      <source>To block</source>
      <translation>В блок</translation>
    </message>
    <message>
      <source>Pinned on top</source>
      <translation>Закреплено сверху</translation>
    </message>
    <message>
      <source>Required from</source>
      <translation>Обязательно с этапа</translation>
    </message>
    <message>
      <source>Block</source>
      <translation>Блок</translation>
    </message>
    <message>
      <source>Add a block…</source>
      <translation>Добавить блок…</translation>
    </message>
    <message>
      <source>Rename the block…</source>
      <translation>Переименовать блок…</translation>
    </message>
    <message>
      <source>Remove the empty block</source>
      <translation>Удалить пустой блок</translation>
    </message>
    <message>
      <source>Folded when the card opens</source>
      <translation>Свёрнут при открытии карточки</translation>
    </message>
    <message>
      <source>Back to the standard layout</source>
      <translation>Вернуть стандартную раскладку</translation>
    </message>
    <message>
      <source>The lead card is the deal card before «Lead qualified»: fields stay in the same places, so here you choose only what is pinned and which blocks start folded.</source>
      <translation>Карточка лида — это карточка сделки до этапа «Лид квалифицирован»: поля стоят на тех же местах, поэтому здесь выбирается только, что закреплено сверху и какие блоки свёрнуты.</translation>
    </message>
    <message>
      <source>«Filled in» shows in how many records a field has a value: look at it before adding another field.</source>
      <translation>«Заполнено» показывает, в скольких записях поле заполнено: посмотрите на это, прежде чем добавлять ещё одно поле.</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>Тип</translation>
    </message>
    <message>
      <source>Pinned</source>
      <translation>Сверху</translation>
    </message>
    <message>
      <source>Filled in</source>
      <translation>Заполнено</translation>
    </message>
    <message>
      <source>folded</source>
      <translation>свёрнут</translation>
    </message>
    <message>
      <source>Retired fields (data kept)</source>
      <translation>Поля в архиве (данные сохранены)</translation>
    </message>
    <message>
      <source>your own field</source>
      <translation>своё поле</translation>
    </message>
    <message>
      <source>standard</source>
      <translation>стандартное</translation>
    </message>
    <message>
      <source>Restore</source>
      <translation>Вернуть</translation>
    </message>
    <message>
      <source>— not required —</source>
      <translation>— не обязательно —</translation>
    </message>
    <message>
      <source>Move a field</source>
      <translation>Перемещение поля</translation>
    </message>
    <message>
      <source>Move a field to another block</source>
      <translation>Перенос поля в другой блок</translation>
    </message>
    <message>
      <source>Pin a field</source>
      <translation>Закрепление поля</translation>
    </message>
    <message>
      <source>Fold a block</source>
      <translation>Сворачивание блока</translation>
    </message>
    <message>
      <source>New block</source>
      <translation>Новый блок</translation>
    </message>
    <message>
      <source>Add a block</source>
      <translation>Добавление блока</translation>
    </message>
    <message>
      <source>Rename the block</source>
      <translation>Переименовать блок</translation>
    </message>
    <message>
      <source>Rename a block</source>
      <translation>Переименование блока</translation>
    </message>
    <message>
      <source>Remove a block</source>
      <translation>Удаление блока</translation>
    </message>
    <message>
      <source>Standard layout</source>
      <translation>Стандартная раскладка</translation>
    </message>
    <message>
      <source>Required fields</source>
      <translation>Обязательные поля</translation>
    </message>
    <message>
      <source>Add a field</source>
      <translation>Добавление поля</translation>
    </message>
    <message>
      <source>Rename the field</source>
      <translation>Переименовать поле</translation>
    </message>
    <message>
      <source>Rename a field</source>
      <translation>Переименование поля</translation>
    </message>
    <message>
      <source>Change the choices</source>
      <translation>Изменение вариантов</translation>
    </message>
    <message>
      <source>Restore a field</source>
      <translation>Возврат поля из архива</translation>
    </message>
    <message>
      <source>Retire a field</source>
      <translation>Поле в архив</translation>
    </message>
  </context>
  <context>
    <name>CardLists</name>
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
      <source>Deals</source>
      <translation>Сделки</translation>
    </message>
    <message>
      <source>Deal</source>
      <translation>Сделка</translation>
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
      <source>People</source>
      <translation>Контакты</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Имя</translation>
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
      <source>Call</source>
      <translation>Звонок</translation>
    </message>
    <message>
      <source>Message</source>
      <translation>Сообщение</translation>
    </message>
    <message>
      <source>Meeting</source>
      <translation>Встреча</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Заметка</translation>
    </message>
    <message>
      <source>Sales actions with this person</source>
      <translation>Действия с этим человеком</translation>
    </message>
    <message>
      <source>When</source>
      <translation>Когда</translation>
    </message>
    <message>
      <source>Action</source>
      <translation>Действие</translation>
    </message>
    <message>
      <source>Outcome</source>
      <translation>Результат</translation>
    </message>
    <message>
      <source>Who</source>
      <translation>Кто</translation>
    </message>
    <message>
      <source>Text</source>
      <translation>Текст</translation>
    </message>
  </context>
  <context>
    <name>CardPanel</name>
    <message>
      <source>Card</source>
      <translation>Карточка</translation>
    </message>
  </context>
  <context>
    <name>Cards</name>
    <message>
      <source>New company…</source>
      <translation>Новая компания…</translation>
    </message>
    <message>
      <source>New contact…</source>
      <translation>Новый контакт…</translation>
    </message>
  </context>
  <context>
    <name>ChoicesDialog</name>
    <message>
      <source>Choices</source>
      <translation>Варианты</translation>
    </message>
    <message>
      <source>One choice per line:</source>
      <translation>По одному варианту в строке:</translation>
    </message>
  </context>
  <context>
    <name>CompanyCard</name>
    <message>
      <source>Add person</source>
      <translation>Добавить контакт</translation>
    </message>
    <message>
      <source>New deal</source>
      <translation>Новая сделка</translation>
    </message>
    <message>
      <source>Merge with…</source>
      <translation>Объединить с…</translation>
    </message>
    <message>
      <source>This company is in the list twice: merge the other record into this one</source>
      <translation>Компания записана дважды: перенести другую запись в эту</translation>
    </message>
    <message>
      <source>New company</source>
      <translation>Новая компания</translation>
    </message>
    <message>
      <source>Company</source>
      <translation>Компания</translation>
    </message>
    <message>
      <source>Create a deal</source>
      <translation>Создать сделку</translation>
    </message>
  </context>
  <context>
    <name>ContactCard</name>
    <message>
      <source>Merge with…</source>
      <translation>Объединить с…</translation>
    </message>
    <message>
      <source>This person is in the list twice: merge the other record into this one</source>
      <translation>Человек записан дважды: перенести другую запись в эту</translation>
    </message>
    <message>
      <source>New person</source>
      <translation>Новый контакт</translation>
    </message>
    <message>
      <source>Contact</source>
      <translation>Контакт</translation>
    </message>
    <message>
      <source>Company: %1</source>
      <translation>Компания: %1</translation>
    </message>
  </context>
  <context>
    <name>DealCard</name>
    <message>
      <source>No next step</source>
      <translation>Нет следующего шага</translation>
    </message>
    <message>
      <source>An open deal needs a task with the next step</source>
      <translation>У открытой сделки должна быть задача со следующим шагом</translation>
    </message>
    <message>
      <source>Won</source>
      <translation>Выиграна</translation>
    </message>
    <message>
      <source>Lost…</source>
      <translation>Проиграна…</translation>
    </message>
    <message>
      <source>Reopen</source>
      <translation>Открыть снова</translation>
    </message>
    <message>
      <source>Next steps</source>
      <translation>Следующие шаги</translation>
    </message>
    <message>
      <source>Log a sales action</source>
      <translation>Записать действие</translation>
    </message>
    <message>
      <source>History</source>
      <translation>История</translation>
    </message>
    <message>
      <source>Lead</source>
      <translation>Лид</translation>
    </message>
    <message>
      <source>Deal</source>
      <translation>Сделка</translation>
    </message>
    <message>
      <source>— nobody yet —</source>
      <translation>— пока никого —</translation>
    </message>
    <message>
      <source>Named by the convention «website - company»; it follows the company.</source>
      <translation>Названа по правилу «сайт - компания» и меняется вместе с компанией.</translation>
    </message>
    <message>
      <source>Required since «%1» — fill it in.</source>
      <translation>Обязательно с этапа «%1» — заполните.</translation>
    </message>
    <message>
      <source>Needed from «%1».</source>
      <translation>Понадобится с этапа «%1».</translation>
    </message>
    <message>
      <source>Won · %1</source>
      <translation>Выиграна · %1</translation>
    </message>
    <message>
      <source>Lost at «%1»: %2</source>
      <translation>Проиграна на этапе «%1»: %2</translation>
    </message>
    <message>
      <source>Open · «%1»</source>
      <translation>Открыта · «%1»</translation>
    </message>
    <message>
      <source>Move «%1» to «%2»</source>
      <translation>Перенос «%1» на «%2»</translation>
    </message>
    <message>
      <source>Move</source>
      <translation>Перенос</translation>
    </message>
    <message>
      <source>Change the owner</source>
      <translation>Смена ответственного</translation>
    </message>
    <message>
      <source>Lost</source>
      <translation>Проиграна</translation>
    </message>
  </context>
  <context>
    <name>DealTasks</name>
    <message>
      <source>Next step</source>
      <translation>Следующий шаг</translation>
    </message>
    <message>
      <source>Next step, e.g. «Send the offer»</source>
      <translation>Следующий шаг, например «Отправить КП»</translation>
    </message>
    <message>
      <source>Who does it</source>
      <translation>Кто делает</translation>
    </message>
    <message>
      <source>Add</source>
      <translation>Добавить</translation>
    </message>
  </context>
  <context>
    <name>DuplicateDialog</name>
    <message>
      <source>Possible duplicate</source>
      <translation>Возможный дубль</translation>
    </message>
    <message>
      <source>same website</source>
      <translation>тот же сайт</translation>
    </message>
    <message>
      <source>same INN</source>
      <translation>тот же ИНН</translation>
    </message>
    <message>
      <source>same e-mail</source>
      <translation>тот же e-mail</translation>
    </message>
    <message>
      <source>same phone</source>
      <translation>тот же телефон</translation>
    </message>
    <message>
      <source>The team already has a record with the same details. Keep one record per company or person: open the existing one, or merge this one into it.</source>
      <translation>В базе уже есть запись с такими же данными. Одна компания или человек — одна запись: откройте существующую или перенесите эту запись в неё.</translation>
    </message>
    <message>
      <source>Open the existing one</source>
      <translation>Открыть существующую</translation>
    </message>
    <message>
      <source>Merge into it</source>
      <translation>Объединить с ней</translation>
    </message>
    <message>
      <source>Save anyway</source>
      <translation>Всё равно сохранить</translation>
    </message>
  </context>
  <context>
    <name>FieldTypes</name>
    <message>
      <source>Text</source>
      <translation>Текст</translation>
    </message>
    <message>
      <source>Long text</source>
      <translation>Длинный текст</translation>
    </message>
    <message>
      <source>Number</source>
      <translation>Число</translation>
    </message>
    <message>
      <source>Money</source>
      <translation>Деньги</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Дата</translation>
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
      <source>Website (domain)</source>
      <translation>Сайт (домен)</translation>
    </message>
    <message>
      <source>Link</source>
      <translation>Ссылка</translation>
    </message>
    <message>
      <source>Links</source>
      <translation>Ссылки</translation>
    </message>
    <message>
      <source>INN</source>
      <translation>ИНН</translation>
    </message>
    <message>
      <source>One choice</source>
      <translation>Один вариант</translation>
    </message>
    <message>
      <source>Several choices</source>
      <translation>Несколько вариантов</translation>
    </message>
    <message>
      <source>Team member</source>
      <translation>Сотрудник</translation>
    </message>
    <message>
      <source>Stage</source>
      <translation>Этап</translation>
    </message>
    <message>
      <source>Company</source>
      <translation>Компания</translation>
    </message>
    <message>
      <source>People</source>
      <translation>Контакты</translation>
    </message>
    <message>
      <source>Date and time</source>
      <translation>Дата и время</translation>
    </message>
  </context>
  <context>
    <name>LineEditor</name>
    <message>
      <source>Call %1</source>
      <translation>Позвонить: %1</translation>
    </message>
    <message>
      <source>Write to %1</source>
      <translation>Написать: %1</translation>
    </message>
  </context>
  <context>
    <name>MembersBox</name>
    <message>
      <source>Team members</source>
      <translation>Сотрудники</translation>
    </message>
    <message>
      <source>Name of a new member</source>
      <translation>Имя нового сотрудника</translation>
    </message>
    <message>
      <source>Add</source>
      <translation>Добавить</translation>
    </message>
    <message>
      <source>Add a team member</source>
      <translation>Добавление сотрудника</translation>
    </message>
  </context>
  <context>
    <name>MembersModel</name>
    <message>
      <source>Name</source>
      <translation>Имя</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>Роль</translation>
    </message>
    <message>
      <source>Active</source>
      <translation>Работает</translation>
    </message>
    <message>
      <source>(me)</source>
      <translation>(я)</translation>
    </message>
    <message>
      <source>Edit a team member</source>
      <translation>Изменение сотрудника</translation>
    </message>
  </context>
  <context>
    <name>MonthsModel</name>
    <message>
      <source>Plan</source>
      <translation>План</translation>
    </message>
    <message>
      <source>The whole team</source>
      <translation>Вся команда</translation>
    </message>
  </context>
  <context>
    <name>NamesDialog</name>
    <message>
      <source>Name in Russian</source>
      <translation>Название по-русски</translation>
    </message>
    <message>
      <source>Name in English</source>
      <translation>Название по-английски</translation>
    </message>
  </context>
  <context>
    <name>PlansBox</name>
    <message>
      <source>Revenue plans</source>
      <translation>Планы выручки</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>Год</translation>
    </message>
    <message>
      <source>Pick a person on the left: their months are on the right. Double-click a cell to type a plan; an empty cell means no plan. Personal plans feed each rep's attainment, the team plan the team's.</source>
      <translation>Выберите человека слева — его месяцы справа. Двойной щелчок по ячейке — ввести план; пустая ячейка — плана нет. Личные планы идут в выполнение плана каждого менеджера, план команды — в общий.</translation>
    </message>
    <message>
      <source>%1 by month</source>
      <translation>%1 по месяцам</translation>
    </message>
    <message>
      <source>Amounts in %1</source>
      <translation>Суммы в %1</translation>
    </message>
  </context>
  <context>
    <name>PlansModel</name>
    <message>
      <source>Months total</source>
      <translation>Сумма месяцев</translation>
    </message>
    <message>
      <source>Person</source>
      <translation>Сотрудник</translation>
    </message>
    <message>
      <source>Annual plan</source>
      <translation>План на год</translation>
    </message>
    <message>
      <source>The whole team</source>
      <translation>Вся команда</translation>
    </message>
    <message>
      <source>The months add up to %1, the annual plan is %2</source>
      <translation>Сумма по месяцам %1, а годовой план %2</translation>
    </message>
    <message>
      <source>Change a plan</source>
      <translation>Изменение плана</translation>
    </message>
  </context>
  <context>
    <name>RecordCard</name>
    <message>
      <source>Save</source>
      <translation>Сохранить</translation>
    </message>
    <message>
      <source>Save the changed fields (Ctrl+S)</source>
      <translation>Сохранить изменённые поля (Ctrl+S)</translation>
    </message>
    <message>
      <source>Revert</source>
      <translation>Отменить правки</translation>
    </message>
    <message>
      <source>Forget the unsaved changes</source>
      <translation>Забыть несохранённые изменения</translation>
    </message>
    <message>
      <source>Show cards in a separate window or in the side panel</source>
      <translation>Показывать карточки в отдельном окне или в боковой панели</translation>
    </message>
    <message>
      <source>Loading…</source>
      <translation>Загрузка…</translation>
    </message>
    <message>
      <source>Unsaved changes — Ctrl+S saves them.</source>
      <translation>Есть несохранённые изменения — Ctrl+S сохраняет.</translation>
    </message>
    <message>
      <source>Nothing was saved: fix the fields marked in red.</source>
      <translation>Ничего не сохранено: исправьте поля, отмеченные красным.</translation>
    </message>
    <message>
      <source>Nothing was saved: someone else changed this record meanwhile.</source>
      <translation>Ничего не сохранено: запись тем временем изменил кто-то другой.</translation>
    </message>
    <message>
      <source>Create %1</source>
      <translation>Создание «%1»</translation>
    </message>
    <message>
      <source>Edit %1</source>
      <translation>Изменение «%1»</translation>
    </message>
    <message>
      <source>Merge into an existing record</source>
      <translation>Объединение с существующей записью</translation>
    </message>
    <message>
      <source>Merge</source>
      <translation>Объединение</translation>
    </message>
    <message>
      <source>Which record is the same as this one? It will be merged into this card; its deals, people and history move here.</source>
      <translation>Какая запись — та же самая? Она будет объединена с этой карточкой: её сделки, контакты и история перейдут сюда.</translation>
    </message>
    <message>
      <source>Unsaved changes</source>
      <translation>Несохранённые изменения</translation>
    </message>
    <message>
      <source>Save the changes to «%1»?</source>
      <translation>Сохранить изменения в «%1»?</translation>
    </message>
  </context>
  <context>
    <name>SettingsPage</name>
    <message>
      <source>This computer</source>
      <translation>Этот компьютер</translation>
    </message>
    <message>
      <source>Language</source>
      <translation>Язык</translation>
    </message>
    <message>
      <source>As the system</source>
      <translation>Как в системе</translation>
    </message>
    <message>
      <source>Light</source>
      <translation>Светлая</translation>
    </message>
    <message>
      <source>Dark</source>
      <translation>Тёмная</translation>
    </message>
    <message>
      <source>Light or dark; "As the system" follows the desktop's setting</source>
      <translation>Светлая или тёмная; «Как в системе» следует настройке рабочего стола</translation>
    </message>
    <message>
      <source>Theme</source>
      <translation>Тема оформления</translation>
    </message>
    <message>
      <source>Team and this computer</source>
      <translation>Команда и этот компьютер</translation>
    </message>
    <message>
      <source>Funnel</source>
      <translation>Воронка</translation>
    </message>
    <message>
      <source>Plans</source>
      <translation>Планы</translation>
    </message>
    <message>
      <source>Cards</source>
      <translation>Карточки</translation>
    </message>
    <message>
      <source>— nobody —</source>
      <translation>— никто —</translation>
    </message>
    <message>
      <source>Team settings, the funnel, plans and card layouts are kept by the head of sales; you can look at them here.</source>
      <translation>Настройки команды, воронку, планы и раскладку карточек ведёт руководитель отдела продаж; здесь их можно посмотреть.</translation>
    </message>
    <message>
      <source>I am</source>
      <translation>Я</translation>
    </message>
  </context>
  <context>
    <name>TaskTreeModel</name>
    <message>
      <source>Overdue</source>
      <translation>Просрочено</translation>
    </message>
    <message>
      <source>Today</source>
      <translation>Сегодня</translation>
    </message>
    <message>
      <source>Upcoming</source>
      <translation>Предстоит</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>Выполнено</translation>
    </message>
    <message>
      <source>Task</source>
      <translation>Задача</translation>
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
      <source>Assignee</source>
      <translation>Исполнитель</translation>
    </message>
    <message>
      <source>Due</source>
      <translation>Срок</translation>
    </message>
    <message>
      <source>Enter or double-click opens the deal; Space marks the task done</source>
      <translation>Enter или двойной щелчок открывает сделку; пробел отмечает задачу выполненной</translation>
    </message>
  </context>
  <context>
    <name>Tasks</name>
    <message>
      <source>Complete a task</source>
      <translation>Выполнение задачи</translation>
    </message>
    <message>
      <source>Reopen a task</source>
      <translation>Возврат задачи в работу</translation>
    </message>
    <message>
      <source>Edit a task</source>
      <translation>Изменить задачу</translation>
    </message>
    <message>
      <source>Add a task</source>
      <translation>Добавление задачи</translation>
    </message>
  </context>
  <context>
    <name>TasksPage</name>
    <message>
      <source>Show done (last %1 days)</source>
      <translation>Показывать выполненные (за %1 дн.)</translation>
    </message>
    <message>
      <source>New task — Enter adds it</source>
      <translation>Новая задача — Enter добавляет</translation>
    </message>
    <message>
      <source>Add</source>
      <translation>Добавить</translation>
    </message>
    <message>
      <source>Tasks of</source>
      <translation>Задачи:</translation>
    </message>
    <message>
      <source>Space marks the selected task done · Enter opens its deal · F2 edits the title or the due time</source>
      <translation>Пробел отмечает выбранную задачу выполненной · Enter открывает её сделку · F2 меняет название или срок</translation>
    </message>
    <message>
      <source>Calls, meetings and follow-ups, grouped overdue, today and upcoming. Type a task in the line above; a deal's tasks are added on its card, so that no deal is left without a next step.</source>
      <translation>Звонки, встречи и напоминания: просроченные, на сегодня и предстоящие. Впишите задачу в строку выше; задачи сделки добавляются в её карточке, чтобы ни одна сделка не осталась без следующего шага.</translation>
    </message>
    <message>
      <source>Mine</source>
      <translation>Мои</translation>
    </message>
    <message>
      <source>The whole team</source>
      <translation>Вся команда</translation>
    </message>
    <message>
      <source>Open: %1 · overdue: %2</source>
      <translation>Открыто: %1 · просрочено: %2</translation>
    </message>
    <message>
      <source>Group</source>
      <translation>Группа</translation>
    </message>
  </context>
  <context>
    <name>TeamSettingsBox</name>
    <message>
      <source>Team</source>
      <translation>Команда</translation>
    </message>
    <message>
      <source>Ask each time</source>
      <translation>Спрашивать каждый раз</translation>
    </message>
    <message>
      <source>Always copy</source>
      <translation>Всегда копировать</translation>
    </message>
    <message>
      <source>Never copy</source>
      <translation>Не копировать</translation>
    </message>
    <message>
      <source>Russia</source>
      <translation>Россия</translation>
    </message>
    <message>
      <source>Belarus</source>
      <translation>Беларусь</translation>
    </message>
    <message>
      <source>Kazakhstan</source>
      <translation>Казахстан</translation>
    </message>
    <message>
      <source>Ukraine</source>
      <translation>Украина</translation>
    </message>
    <message>
      <source>none (Monday to Friday)</source>
      <translation>нет (понедельник–пятница)</translation>
    </message>
    <message>
      <source>e.g. 31.12.2026, 30.04.2027</source>
      <translation>напр. 31.12.2026, 30.04.2027</translation>
    </message>
    <message>
      <source>e.g. 27.12.2026</source>
      <translation>напр. 27.12.2026</translation>
    </message>
    <message>
      <source>All times (moves, activities, tasks) are kept in the team's time zone; amounts, plans and reports are in the team currency.</source>
      <translation>Всё время (переходы, действия, задачи) хранится в часовом поясе команды; суммы, планы и отчёты — в валюте команды.</translation>
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
      <source>Public holidays</source>
      <translation>Праздники</translation>
    </message>
    <message>
      <source>Extra days off</source>
      <translation>Доп. выходные</translation>
    </message>
    <message>
      <source>Extra working days</source>
      <translation>Доп. рабочие дни</translation>
    </message>
    <message>
      <source>Won deal → Client Success</source>
      <translation>Выигранная сделка → Клиентский успех</translation>
    </message>
    <message>
      <source>Team currency</source>
      <translation>Валюта команды</translation>
    </message>
    <message>
      <source>Team time zone</source>
      <translation>Часовой пояс команды</translation>
    </message>
    <message>
      <source>Working calendar</source>
      <translation>Рабочий календарь</translation>
    </message>
    <message>
      <source>Copying won deals into Client Success</source>
      <translation>Копирование выигранных сделок в «Клиентский успех»</translation>
    </message>
  </context>
  <context>
    <name>TimelineModel</name>
    <message>
      <source>Call</source>
      <translation>Звонок</translation>
    </message>
    <message>
      <source>E-mail</source>
      <translation>E-mail</translation>
    </message>
    <message>
      <source>Message</source>
      <translation>Сообщение</translation>
    </message>
    <message>
      <source>Meeting</source>
      <translation>Встреча</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Заметка</translation>
    </message>
    <message>
      <source>Created in «%1»</source>
      <translation>Создана на этапе «%1»</translation>
    </message>
    <message>
      <source>Moved to «%1»</source>
      <translation>Перенесена на «%1»</translation>
    </message>
    <message>
      <source>Won</source>
      <translation>Выиграна</translation>
    </message>
    <message>
      <source>Lost at «%1»: %2</source>
      <translation>Проиграна на этапе «%1»: %2</translation>
    </message>
    <message>
      <source>Reopened</source>
      <translation>Открыта снова</translation>
    </message>
    <message>
      <source>Owner: %1</source>
      <translation>Ответственный: %1</translation>
    </message>
    <message>
      <source>Renewed</source>
      <translation>Продлена</translation>
    </message>
    <message>
      <source>Task done: %1</source>
      <translation>Задача выполнена: %1</translation>
    </message>
    <message>
      <source>Task set: %1</source>
      <translation>Поставлена задача: %1</translation>
    </message>
    <message>
      <source>due %1</source>
      <translation>срок %1</translation>
    </message>
    <message>
      <source>with %1</source>
      <translation>контакт: %1</translation>
    </message>
  </context>
</TS>

/**
 * Messages about the kind of seat a reading is for (README "Seat kinds") and what its use is worth. Shared by
 * the CLI, the tray, alerts and the wizard through shared/seat.ts, so every face says the same words.
 */
import { defineMessages } from './catalog';

export const seat = defineMessages(
  {
    'seat.pool.used': '{used} {unit} used this month · no personal limit (pool of {orgs})',
    'seat.pool.usedNoOrg': '{used} {unit} used this month · no personal limit (organisation pool)',
    'seat.pool.userLimit': 'Organisation pool of {orgs} · limit set by you',
    'seat.pool.userLimitNoOrg': 'Organisation pool · limit set by you',
    'seat.budget': 'User budget set by your organisation ({orgs})',
    'seat.budgetNoOrg': 'User budget set by your organisation',
    'seat.budget.requests': 'Seat allowance set by your organisation ({orgs})',
    'seat.budget.requestsNoOrg': 'Seat allowance set by your organisation',
    'seat.hidden.short': 'Seat use hidden by {orgs}',
    'seat.hidden.shortNoOrg': 'Seat use hidden by your organisation',
    'seat.hidden.why':
      'Only the organisation’s admins can see this seat’s use, or an admin can set a user-level budget for you.',
    'seat.orgs': 'Organisations: {orgs}',
    'seat.userLimit': 'Limit set by you',
    'money.worth': 'Worth {gross} this month',
    'money.billed': '{billed} billed beyond the plan',
    'money.included': 'all included in the plan',
    'money.less': 'less than {amount}',
  },
  {
    zh: {
      'seat.pool.used': '本月已用 {used} {unit} · 无个人上限（{orgs} 的组织额度池）',
      'seat.pool.usedNoOrg': '本月已用 {used} {unit} · 无个人上限（组织额度池）',
      'seat.pool.userLimit': '{orgs} 的组织额度池 · 上限由你设定',
      'seat.pool.userLimitNoOrg': '组织额度池 · 上限由你设定',
      'seat.budget': '你的组织（{orgs}）设定的个人预算',
      'seat.budgetNoOrg': '你的组织设定的个人预算',
      'seat.budget.requests': '你的组织（{orgs}）设定的席位额度',
      'seat.budget.requestsNoOrg': '你的组织设定的席位额度',
      'seat.hidden.short': '{orgs} 未向你显示此席位的用量',
      'seat.hidden.shortNoOrg': '你的组织未向你显示此席位的用量',
      'seat.hidden.why': '只有组织管理员能看到此席位的用量；管理员也可以为你设定个人预算，让它可见。',
      'seat.orgs': '组织：{orgs}',
      'seat.userLimit': '上限由你设定',
      'money.worth': '本月用量价值 {gross}',
      'money.billed': '超出套餐计费 {billed}',
      'money.included': '全部包含在套餐内',
      'money.less': '不到 {amount}',
    },
    fr: {
      'seat.pool.used': '{used} {unit} utilisés ce mois-ci · pas de limite personnelle (pool de {orgs})',
      'seat.pool.usedNoOrg':
        '{used} {unit} utilisés ce mois-ci · pas de limite personnelle (pool de l’organisation)',
      'seat.pool.userLimit': 'Pool de l’organisation {orgs} · limite fixée par vous',
      'seat.pool.userLimitNoOrg': 'Pool de l’organisation · limite fixée par vous',
      'seat.budget': 'Budget personnel fixé par votre organisation ({orgs})',
      'seat.budgetNoOrg': 'Budget personnel fixé par votre organisation',
      'seat.budget.requests': 'Quota du siège fixé par votre organisation ({orgs})',
      'seat.budget.requestsNoOrg': 'Quota du siège fixé par votre organisation',
      'seat.hidden.short': 'Utilisation du siège masquée par {orgs}',
      'seat.hidden.shortNoOrg': 'Utilisation du siège masquée par votre organisation',
      'seat.hidden.why':
        'Seuls les administrateurs de l’organisation voient l’utilisation de ce siège, ou un administrateur peut vous fixer un budget personnel.',
      'seat.orgs': 'Organisations : {orgs}',
      'seat.userLimit': 'Limite fixée par vous',
      'money.worth': 'Valeur ce mois-ci : {gross}',
      'money.billed': '{billed} facturés au-delà du forfait',
      'money.included': 'entièrement inclus dans le forfait',
      'money.less': 'moins de {amount}',
    },
  },
);

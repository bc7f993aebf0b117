/** Messages of the command-line face. The text layout follows the seed's `/mystatus` output, with labels. */
import { defineMessages } from './catalog';

export const cli = defineMessages(
  {
    'cli.heading': '## GitHub Copilot Account Quota',
    'cli.account': 'Account: GitHub Copilot (@{login})',
    'cli.left': '{percent}% left',
    'cli.usedOf': '{used} / {allowance} used',
    'cli.over': '{over} over the allowance',
    'cli.unlimited': 'Unlimited · {used} used',
    'cli.noAllowance':
      '{used} used · allowance unknown: choose your plan (--plan, or `copilot-meter auth set --plan PLAN`)',
    'cli.period': 'Period: {period}',
    'cli.resets': 'resets {date}',
    'cli.models': 'By model:',
    'cli.source': 'Source: {strategy} ({credential})',
    'cli.failed': 'Could not read your Copilot usage.',
    'cli.attempts': 'What was tried:',
    'cli.attempt.ok': 'ok',
    'cli.attempt.skipped': 'skipped',
    'cli.noAttempts': 'No credential was found, so nothing was asked.',
    'cli.problem': 'Note: {origin}: {message}',
    'cli.note': 'Note: {message}',
    'cli.oneline': 'Copilot {percent}% used ({used}/{allowance} {unit})',
    'cli.oneline.unlimited': 'Copilot unlimited ({used} {unit} used)',
    'cli.oneline.unknown': 'Copilot {used} {unit} used',
    'cli.oneline.error': 'Copilot: {message}',
    'cli.err.tokenInArgv':
      'a token was passed on the command line, so it may now be in your shell history. Pass it through COPILOT_METER_TOKEN or stdin (--token-stdin), and consider revoking that token',
    'cli.err.parse': '{detail}',
    'cli.err.unknownCommand': 'unknown command "{command}"',
    'cli.err.format': '--format must be one of {formats}',
    'cli.err.unexpected': 'unexpected argument "{arg}"',
    'cli.err.lang': '--lang must be one of en, zh, fr',
    'cli.err.user': '--user is not a GitHub login',
    'cli.err.plan': '--plan must be one of free, pro, pro+, max, business, enterprise',
    'cli.err.allowance': '--allowance must be a positive number',
    'cli.err.watch': '--watch takes seconds, at least 60',
    'cli.usageError': 'copilot-meter: {message}. Try `copilot-meter --help`.',
    'cli.stdinEmpty': 'No token on stdin.',
    'cli.help': `copilot-meter — how much of this month's GitHub Copilot allowance is used

Usage:
  copilot-meter [status] [options]     show usage (default command)
  copilot-meter auth set [--user L] [--plan P]   save a fine-grained token (stdin or a hidden prompt)
  copilot-meter auth status            stored accounts, token ending, expiry
  copilot-meter auth remove [LOGIN]    delete a stored token
  copilot-meter auth import [--delete] import the legacy ~/.config/opencode/copilot-quota-token.json
  copilot-meter history [--months N] [--csv]   daily use, oldest first (N months, 1..24; --json too)
  copilot-meter guard --min-left N|N%  exit 0 while at least N units (or N %) are left, 10 when less,
                                       11 when it cannot be told

Options:
  --json, --format text|json|oneline|waybar   output format (default text)
  --api-url URL        GitHub API (https://api.github.com, https://api.TENANT.ghe.com, https://HOST/api/v3)
  --lang en|zh|fr      language (default: settings, then LANG / the OS)
  --user LOGIN         GitHub username for the billing API (default: detected from the token)
  --plan PLAN          free, pro, pro+, max, business, enterprise (when GitHub cannot tell)
  --allowance N        custom monthly allowance
  --token-stdin        read a token from stdin for this run (never pass tokens as arguments)
  --watch SECONDS      refresh every SECONDS (at least 60)

Tokens come from the system keychain (auth set), COPILOT_METER_TOKEN, or existing Copilot sign-ins
(OpenCode, Copilot editor plugins, GitHub CLI). Exit codes: 0 ok, 2 usage, 3 token, 4 not found,
5 rate-limited, 6 network, 7 unrecognised response, 8 keychain.`,
  },
  {
    zh: {
      'cli.heading': '## GitHub Copilot 账户配额',
      'cli.account': '账户：GitHub Copilot (@{login})',
      'cli.left': '剩余 {percent}%',
      'cli.usedOf': '已用 {used} / {allowance}',
      'cli.over': '超出额度 {over}',
      'cli.unlimited': '无限制 · 已用 {used}',
      'cli.noAllowance':
        '已用 {used} · 额度未知：请选择套餐（--plan，或 `copilot-meter auth set --plan PLAN`）',
      'cli.period': '周期：{period}',
      'cli.resets': '{date} 重置',
      'cli.models': '按模型：',
      'cli.source': '来源：{strategy}（{credential}）',
      'cli.failed': '无法读取您的 Copilot 用量。',
      'cli.attempts': '尝试过的方式：',
      'cli.attempt.ok': '成功',
      'cli.attempt.skipped': '已跳过',
      'cli.noAttempts': '未找到任何凭据，因此没有发出请求。',
      'cli.problem': '提示：{origin}：{message}',
      'cli.note': '提示：{message}',
      'cli.oneline': 'Copilot 已用 {percent}%（{used}/{allowance} {unit}）',
      'cli.oneline.unlimited': 'Copilot 无限制（已用 {used} {unit}）',
      'cli.oneline.unknown': 'Copilot 已用 {used} {unit}',
      'cli.oneline.error': 'Copilot：{message}',
      'cli.err.tokenInArgv':
        '令牌出现在命令行中，可能已被记录到 shell 历史。请通过 COPILOT_METER_TOKEN 或标准输入（--token-stdin）传入，并考虑撤销该令牌',
      'cli.err.parse': '{detail}',
      'cli.err.unknownCommand': '未知命令“{command}”',
      'cli.err.format': '--format 必须是 {formats} 之一',
      'cli.err.unexpected': '多余的参数“{arg}”',
      'cli.err.lang': '--lang 必须是 en、zh、fr 之一',
      'cli.err.user': '--user 不是有效的 GitHub 用户名',
      'cli.err.plan': '--plan 必须是 free、pro、pro+、max、business、enterprise 之一',
      'cli.err.allowance': '--allowance 必须是正数',
      'cli.err.watch': '--watch 以秒为单位，至少 60',
      'cli.usageError': 'copilot-meter：{message}。请尝试 `copilot-meter --help`。',
      'cli.stdinEmpty': '标准输入中没有令牌。',
      'cli.help': `copilot-meter — 本月 GitHub Copilot 额度已用多少

用法：
  copilot-meter [status] [选项]        显示用量（默认命令）
  copilot-meter auth set [--user L]    保存细粒度令牌（从标准输入或隐藏提示读取）
  copilot-meter auth status            已保存的账户、令牌结尾、到期时间
  copilot-meter auth remove [LOGIN]    删除已保存的令牌
  copilot-meter auth import [--delete] 导入旧的 ~/.config/opencode/copilot-quota-token.json
  copilot-meter history [--months N] [--csv]   每日用量，从旧到新（N 个月，1..24；也支持 --json）
  copilot-meter guard --min-left N|N%  剩余至少 N 个单位（或 N%）时退出码为 0，不足时为 10，
                                       无法判断时为 11

选项：
  --json, --format text|json|oneline|waybar   输出格式（默认 text）
  --api-url URL        GitHub API（https://api.github.com、https://api.TENANT.ghe.com、https://HOST/api/v3）
  --lang en|zh|fr      语言（默认：设置，其次 LANG / 系统）
  --user LOGIN         账单 API 使用的 GitHub 用户名（默认：从令牌检测）
  --plan PLAN          free、pro、pro+、max、business、enterprise（GitHub 无法判断时）
  --allowance N        自定义每月额度
  --token-stdin        本次从标准输入读取令牌（切勿把令牌作为参数传入）
  --watch SECONDS      每 SECONDS 秒刷新一次（至少 60）

令牌来自系统钥匙串（auth set）、COPILOT_METER_TOKEN 或已有的 Copilot 登录
（OpenCode、Copilot 编辑器插件、GitHub CLI）。退出码：0 正常，2 用法，3 令牌，4 未找到，
5 限流，6 网络，7 无法识别的响应，8 钥匙串。`,
    },
    fr: {
      'cli.heading': '## Quota du compte GitHub Copilot',
      'cli.account': 'Compte : GitHub Copilot (@{login})',
      'cli.left': '{percent} % restant',
      'cli.usedOf': '{used} / {allowance} utilisés',
      'cli.over': '{over} au-delà du quota',
      'cli.unlimited': 'Illimité · {used} utilisés',
      'cli.noAllowance':
        '{used} utilisés · quota inconnu : choisissez votre forfait (--plan, ou `copilot-meter auth set --plan FORFAIT`)',
      'cli.period': 'Période : {period}',
      'cli.resets': 'remise à zéro le {date}',
      'cli.models': 'Par modèle :',
      'cli.source': 'Source : {strategy} ({credential})',
      'cli.failed': 'Impossible de lire votre usage de Copilot.',
      'cli.attempts': 'Ce qui a été essayé :',
      'cli.attempt.ok': 'ok',
      'cli.attempt.skipped': 'ignoré',
      'cli.noAttempts': 'Aucun identifiant trouvé : rien n’a été demandé.',
      'cli.problem': 'Remarque : {origin} : {message}',
      'cli.note': 'Remarque : {message}',
      'cli.oneline': 'Copilot {percent} % utilisés ({used}/{allowance} {unit})',
      'cli.oneline.unlimited': 'Copilot illimité ({used} {unit} utilisés)',
      'cli.oneline.unknown': 'Copilot {used} {unit} utilisés',
      'cli.oneline.error': 'Copilot : {message}',
      'cli.err.tokenInArgv':
        'un jeton a été passé en argument : il est peut-être dans l’historique du shell. Passez-le par COPILOT_METER_TOKEN ou l’entrée standard (--token-stdin), et pensez à le révoquer',
      'cli.err.parse': '{detail}',
      'cli.err.unknownCommand': 'commande inconnue « {command} »',
      'cli.err.format': '--format doit valoir {formats}',
      'cli.err.unexpected': 'argument inattendu « {arg} »',
      'cli.err.lang': '--lang doit valoir en, zh ou fr',
      'cli.err.user': '--user n’est pas un identifiant GitHub',
      'cli.err.plan': '--plan doit valoir free, pro, pro+, max, business ou enterprise',
      'cli.err.allowance': '--allowance doit être un nombre positif',
      'cli.err.watch': '--watch prend des secondes, au moins 60',
      'cli.usageError': 'copilot-meter : {message}. Essayez `copilot-meter --help`.',
      'cli.stdinEmpty': 'Aucun jeton sur l’entrée standard.',
      'cli.help': `copilot-meter — la part du quota GitHub Copilot de ce mois déjà utilisée

Usage :
  copilot-meter [status] [options]     affiche l’usage (commande par défaut)
  copilot-meter auth set [--user L]    enregistre un jeton fine-grained (lu sur stdin ou saisie masquée)
  copilot-meter auth status            comptes enregistrés, fin du jeton, expiration
  copilot-meter auth remove [LOGIN]    supprime un jeton enregistré
  copilot-meter auth import [--delete] importe l’ancien ~/.config/opencode/copilot-quota-token.json
  copilot-meter history [--months N] [--csv]   usage quotidien, du plus ancien (N mois, 1..24 ; --json aussi)
  copilot-meter guard --min-left N|N%  code 0 tant qu’il reste au moins N unités (ou N %), 10 sinon,
                                       11 quand on ne peut pas le savoir

Options :
  --json, --format text|json|oneline|waybar   format de sortie (text par défaut)
  --api-url URL        API GitHub (https://api.github.com, https://api.TENANT.ghe.com, https://HOTE/api/v3)
  --lang en|zh|fr      langue (par défaut : réglages, puis LANG / le système)
  --user LOGIN         nom d’utilisateur GitHub pour l’API de facturation (par défaut : détecté)
  --plan FORFAIT       free, pro, pro+, max, business, enterprise (si GitHub ne le dit pas)
  --allowance N        quota mensuel personnalisé
  --token-stdin        lit un jeton sur stdin pour cette exécution (jamais en argument)
  --watch SECONDES     actualise toutes les SECONDES (au moins 60)

Les jetons viennent du trousseau du système (auth set), de COPILOT_METER_TOKEN ou des connexions Copilot
existantes (OpenCode, extensions d’éditeur Copilot, GitHub CLI). Codes de sortie : 0 ok, 2 usage, 3 jeton,
4 introuvable, 5 limité, 6 réseau, 7 réponse non reconnue, 8 trousseau.`,
    },
  },
);

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
      '{used} used · allowance unknown: choose your plan (--plan PLAN, or save it with `copilot-meter config set plan PLAN`)',
    'cli.noAllowanceForPlan':
      '{used} used · {plan} has no monthly {unit} allowance to measure against (set one with --allowance N, or `copilot-meter config set allowance N`)',
    'cli.period': 'Period: {period}',
    'cli.resets': 'resets {date}',
    'cli.models': 'By model:',
    'cli.models.more': '  … and {n} more (all of them in --json)',
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
    'cli.err.unknownOption': 'unknown option {option}',
    'cli.err.missingValue': '{option} needs a value (write {option}=VALUE when the value starts with "-")',
    'cli.err.noValue': '{option} takes no value',
    'cli.err.badOptions': 'the options could not be read',
    'cli.err.userMismatch':
      '--user @{requested} does not match the token, which belongs to @{actual}. Leave out --user, or give a token of @{requested}',
    'cli.error.auth.expired':
      'The token has expired. Create a new one and save it with `copilot-meter auth set` (or set COPILOT_METER_TOKEN).',
    'cli.error.auth.revoked':
      'GitHub rejected the token (revoked or mistyped). Create a new one and save it with `copilot-meter auth set` (or set COPILOT_METER_TOKEN).',
    'cli.error.keychain.unavailable':
      'The system keychain is not available. Start or unlock it and retry; without a keychain, set COPILOT_METER_TOKEN (or pipe a token with --token-stdin) instead.',
    'cli.error.config.noCredential':
      'No GitHub token found. Save a fine-grained token with Plan: Read-only using `copilot-meter auth set`, or set COPILOT_METER_TOKEN.',
    'cli.error.rateLimit': 'GitHub is rate-limiting requests. Try again after {time}.',
    'cli.error.rateLimit.noTime': 'GitHub is rate-limiting requests. Try again later.',
    'cli.error.notFound.user':
      'GitHub found no billing data for @{login}. Check the username (it is case-sensitive), or leave out --user so the token’s own login is used.',
    'cli.noCredentialNoKeychain':
      'No GitHub token found, and the system keychain is not available to keep one: set COPILOT_METER_TOKEN to a fine-grained token with Plan: Read-only (or pipe it with --token-stdin).',
    'cli.config.usage': 'Usage: copilot-meter config get [KEY] | set KEY VALUE | unset KEY\nKeys: {keys}',
    'cli.config.unknownCommand': 'unknown config command "{name}"',
    'cli.config.unknownKey': 'unknown setting "{key}"; the settings are: {keys}',
    'cli.config.needValue': '`config set {key}` needs a value',
    'cli.config.badValue': '{key} {why}',
    'cli.config.why.plan': 'must be one of free, pro, pro+, max, business, enterprise',
    'cli.config.why.allowance': 'must be a positive number',
    'cli.config.why.lang': 'must be one of en, zh, fr',
    'cli.config.why.interval': 'must be whole minutes from 1 to 1440',
    'cli.config.why.thresholds': 'must be percentages from 1 to 1000, separated by commas (e.g. 75,90,100)',
    'cli.config.why.account': 'must be a saved account (see `copilot-meter auth status`)',
    'cli.config.why.boolean': 'must be on or off',
    'cli.config.why.apiUrl': 'must be a GitHub API address (https; plain http only for 127.0.0.1)',
    'cli.config.notSet': '(not set)',
    'cli.config.saved': '{key} = {value}',
    'cli.config.unset': '{key} is back to its default: {value}',
    'cli.config.launchNote': 'The tray app applies this the next time it starts.',
    'cli.err.unknownCommand': 'unknown command "{command}"',
    'cli.err.format': '--format must be one of {formats}',
    'cli.err.unexpected': 'unexpected argument "{arg}"',
    'cli.err.lang': '--lang must be one of en, zh, fr',
    'cli.err.user': '--user is not a GitHub login',
    'cli.err.plan': '--plan must be one of free, pro, pro+, max, business, enterprise',
    'cli.err.allowance': '--allowance must be a positive number',
    'cli.err.watch':
      '--watch takes a number of seconds, at least 60 (GitHub updates usage slowly) and at most 86400 (a day)',
    'cli.usageError': 'copilot-meter: {message}. Try `copilot-meter --help`.',
    'cli.stdinEmpty': 'No token on stdin.',
    'cli.help': `copilot-meter — how much of this month's GitHub Copilot allowance is used

Usage:
  copilot-meter [status] [options]     show usage (default command)
  copilot-meter auth set [--user L] [--plan P]   save a fine-grained token (stdin or a hidden prompt)
  copilot-meter auth status            stored accounts, token ending, expiry
  copilot-meter auth remove [LOGIN] [--yes]   delete a stored token (--yes when input is not a terminal)
  copilot-meter auth import [--delete] import the legacy ~/.config/opencode/copilot-quota-token.json
  copilot-meter history [--months N] [--csv]   daily use, oldest first (N months, 1..24; --json too)
  copilot-meter guard --min-left N|N%  exit 0 while at least N units (or N %) are left, 10 when less,
                                       11 when it cannot be told
  copilot-meter config get [KEY] | set KEY VALUE | unset KEY   settings shared with the tray app:
                                       plan, allowance, lang, interval (minutes), thresholds (75,90,100),
                                       notify.thresholds|access|reset|forecast (on/off), launch-at-login, account,
                                       api-url
  copilot-meter --version              the version

Options:
  --json, --format text|json|oneline|waybar   output format (default text)
  --api-url URL        GitHub API (https://api.github.com, https://api.TENANT.ghe.com, https://HOST/api/v3)
  --lang en|zh|fr      language (default: settings, then LANG / the OS)
  --user LOGIN         which saved account to read; refused when the token belongs to another login
  --plan PLAN          free, pro, pro+, max, business, enterprise (when GitHub cannot tell)
  --allowance N        custom monthly allowance
  --token-stdin        read a token from stdin for this run (never pass tokens as arguments)
  --watch SECONDS      refresh every SECONDS (at least 60; GitHub updates usage slowly; at most 86400)

Tokens come from the system keychain (auth set), COPILOT_METER_TOKEN, --token-stdin, or Copilot sign-ins
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
        '已用 {used} · 额度未知：请选择套餐（--plan PLAN，或用 `copilot-meter config set plan PLAN` 保存）',
      'cli.noAllowanceForPlan':
        '已用 {used} · {plan} 没有可对照的每月{unit}额度（用 --allowance N 或 `copilot-meter config set allowance N` 设置）',
      'cli.period': '周期：{period}',
      'cli.resets': '{date} 重置',
      'cli.models': '按模型：',
      'cli.models.more': '  … 另有 {n} 个（--json 中列出全部）',
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
      'cli.err.unknownCommand': '未知命令“{command}”',
      'cli.err.unknownOption': '未知选项 {option}',
      'cli.err.missingValue': '{option} 需要一个值（值以“-”开头时请写成 {option}=值）',
      'cli.err.noValue': '{option} 不接受值',
      'cli.err.badOptions': '无法解析命令行选项',
      'cli.err.userMismatch':
        '--user @{requested} 与令牌不符，该令牌属于 @{actual}。请去掉 --user，或使用 @{requested} 的令牌',
      'cli.error.auth.expired':
        '令牌已过期。请创建新令牌并用 `copilot-meter auth set` 保存（或设置 COPILOT_METER_TOKEN）。',
      'cli.error.auth.revoked':
        'GitHub 拒绝了该令牌（已撤销或输入有误）。请创建新令牌并用 `copilot-meter auth set` 保存（或设置 COPILOT_METER_TOKEN）。',
      'cli.error.keychain.unavailable':
        '系统钥匙串不可用。请启动或解锁后重试；没有钥匙串时，请改用 COPILOT_METER_TOKEN（或用 --token-stdin 通过管道传入令牌）。',
      'cli.error.config.noCredential':
        '未找到 GitHub 令牌。请用 `copilot-meter auth set` 保存带 Plan: Read-only 权限的细粒度令牌，或设置 COPILOT_METER_TOKEN。',
      'cli.error.rateLimit': 'GitHub 正在限制请求频率。请在 {time} 之后重试。',
      'cli.error.rateLimit.noTime': 'GitHub 正在限制请求频率。请稍后重试。',
      'cli.error.notFound.user':
        'GitHub 未找到 @{login} 的账单数据。请检查用户名（区分大小写），或去掉 --user 以使用令牌自己的登录名。',
      'cli.noCredentialNoKeychain':
        '未找到 GitHub 令牌，且系统钥匙串不可用，无法保存令牌：请将 COPILOT_METER_TOKEN 设为带 Plan: Read-only 权限的细粒度令牌（或用 --token-stdin 通过管道传入）。',
      'cli.config.usage': '用法：copilot-meter config get [键] | set 键 值 | unset 键\n键：{keys}',
      'cli.config.unknownCommand': '未知的 config 命令“{name}”',
      'cli.config.unknownKey': '未知设置“{key}”；可用设置：{keys}',
      'cli.config.needValue': '`config set {key}` 需要一个值',
      'cli.config.badValue': '{key} {why}',
      'cli.config.why.plan': '必须是 free、pro、pro+、max、business、enterprise 之一',
      'cli.config.why.allowance': '必须是正数',
      'cli.config.why.lang': '必须是 en、zh、fr 之一',
      'cli.config.why.interval': '必须是 1 到 1440 之间的整数分钟',
      'cli.config.why.thresholds': '必须是 1 到 1000 之间的百分比，用逗号分隔（例如 75,90,100）',
      'cli.config.why.account': '必须是已保存的账户（见 `copilot-meter auth status`）',
      'cli.config.why.boolean': '必须是 on 或 off',
      'cli.config.why.apiUrl': '必须是 GitHub API 地址（https；仅 127.0.0.1 可用纯 http）',
      'cli.config.notSet': '（未设置）',
      'cli.config.saved': '{key} = {value}',
      'cli.config.unset': '{key} 已恢复默认值：{value}',
      'cli.config.launchNote': '托盘应用将在下次启动时应用此设置。',
      'cli.err.format': '--format 必须是 {formats} 之一',
      'cli.err.unexpected': '多余的参数“{arg}”',
      'cli.err.lang': '--lang 必须是 en、zh、fr 之一',
      'cli.err.user': '--user 不是有效的 GitHub 用户名',
      'cli.err.plan': '--plan 必须是 free、pro、pro+、max、business、enterprise 之一',
      'cli.err.allowance': '--allowance 必须是正数',
      'cli.err.watch': '--watch 以秒为单位，至少 60（GitHub 更新用量较慢），至多 86400（一天）',
      'cli.usageError': 'copilot-meter：{message}。请尝试 `copilot-meter --help`。',
      'cli.stdinEmpty': '标准输入中没有令牌。',
      'cli.help': `copilot-meter — 本月 GitHub Copilot 额度已用多少

用法：
  copilot-meter [status] [选项]        显示用量（默认命令）
  copilot-meter auth set [--user L]    保存细粒度令牌（从标准输入或隐藏提示读取）
  copilot-meter auth status            已保存的账户、令牌结尾、到期时间
  copilot-meter auth remove [LOGIN] [--yes]   删除已保存的令牌（输入不是终端时需加 --yes）
  copilot-meter auth import [--delete] 导入旧的 ~/.config/opencode/copilot-quota-token.json
  copilot-meter history [--months N] [--csv]   每日用量，从旧到新（N 个月，1..24；也支持 --json）
  copilot-meter guard --min-left N|N%  剩余至少 N 个单位（或 N%）时退出码为 0，不足时为 10，
                                       无法判断时为 11
  copilot-meter config get [键] | set 键 值 | unset 键   与托盘应用共享的设置：
                                       plan、allowance、lang、interval（分钟）、thresholds（75,90,100）、
                                       notify.thresholds|access|reset|forecast（on/off）、launch-at-login、account、
                                       api-url
  copilot-meter --version              版本号

选项：
  --json, --format text|json|oneline|waybar   输出格式（默认 text）
  --api-url URL        GitHub API（https://api.github.com、https://api.TENANT.ghe.com、https://HOST/api/v3）
  --lang en|zh|fr      语言（默认：设置，其次 LANG / 系统）
  --user LOGIN         读取哪个已保存的账户；令牌属于其他用户时拒绝
  --plan PLAN          free、pro、pro+、max、business、enterprise（GitHub 无法判断时）
  --allowance N        自定义每月额度
  --token-stdin        本次从标准输入读取令牌（切勿把令牌作为参数传入）
  --watch SECONDS      每 SECONDS 秒刷新一次（至少 60；GitHub 更新用量较慢；至多 86400）

令牌来自系统钥匙串（auth set）、COPILOT_METER_TOKEN、--token-stdin 或已有的 Copilot 登录
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
        '{used} utilisés · quota inconnu : choisissez votre forfait (--plan FORFAIT, ou enregistrez-le avec `copilot-meter config set plan FORFAIT`)',
      'cli.noAllowanceForPlan':
        '{used} utilisés · {plan} n’a pas de quota mensuel en {unit} auquel se comparer (fixez-en un avec --allowance N, ou `copilot-meter config set allowance N`)',
      'cli.period': 'Période : {period}',
      'cli.resets': 'remise à zéro le {date}',
      'cli.models': 'Par modèle :',
      'cli.models.more': '  … et {n} autres (tous dans --json)',
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
      'cli.err.unknownCommand': 'commande inconnue « {command} »',
      'cli.err.unknownOption': 'option inconnue {option}',
      'cli.err.missingValue':
        '{option} attend une valeur (écrivez {option}=VALEUR si la valeur commence par « - »)',
      'cli.err.noValue': '{option} ne prend pas de valeur',
      'cli.err.badOptions': 'les options n’ont pas pu être lues',
      'cli.err.userMismatch':
        '--user @{requested} ne correspond pas au jeton, qui appartient à @{actual}. Retirez --user, ou donnez un jeton de @{requested}',
      'cli.error.auth.expired':
        'Le jeton a expiré. Créez-en un nouveau et enregistrez-le avec `copilot-meter auth set` (ou définissez COPILOT_METER_TOKEN).',
      'cli.error.auth.revoked':
        'GitHub a refusé le jeton (révoqué ou mal saisi). Créez-en un nouveau et enregistrez-le avec `copilot-meter auth set` (ou définissez COPILOT_METER_TOKEN).',
      'cli.error.keychain.unavailable':
        'Le trousseau du système n’est pas disponible. Démarrez-le ou déverrouillez-le puis réessayez ; sans trousseau, utilisez plutôt COPILOT_METER_TOKEN (ou passez un jeton par --token-stdin).',
      'cli.error.config.noCredential':
        'Aucun jeton GitHub trouvé. Enregistrez un jeton fine-grained avec Plan: Read-only par `copilot-meter auth set`, ou définissez COPILOT_METER_TOKEN.',
      'cli.error.rateLimit': 'GitHub limite le nombre de requêtes. Réessayez après {time}.',
      'cli.error.rateLimit.noTime': 'GitHub limite le nombre de requêtes. Réessayez plus tard.',
      'cli.error.notFound.user':
        'GitHub ne trouve aucune donnée de facturation pour @{login}. Vérifiez le nom d’utilisateur (sensible à la casse), ou retirez --user pour utiliser l’identifiant du jeton.',
      'cli.noCredentialNoKeychain':
        'Aucun jeton GitHub trouvé, et le trousseau du système n’est pas disponible pour en garder un : définissez COPILOT_METER_TOKEN avec un jeton fine-grained limité à Plan: Read-only (ou passez-le par --token-stdin).',
      'cli.config.usage':
        'Usage : copilot-meter config get [CLÉ] | set CLÉ VALEUR | unset CLÉ\nClés : {keys}',
      'cli.config.unknownCommand': 'commande config inconnue « {name} »',
      'cli.config.unknownKey': 'réglage inconnu « {key} » ; les réglages sont : {keys}',
      'cli.config.needValue': '`config set {key}` attend une valeur',
      'cli.config.badValue': '{key} {why}',
      'cli.config.why.plan': 'doit valoir free, pro, pro+, max, business ou enterprise',
      'cli.config.why.allowance': 'doit être un nombre positif',
      'cli.config.why.lang': 'doit valoir en, zh ou fr',
      'cli.config.why.interval': 'doit être un nombre entier de minutes de 1 à 1440',
      'cli.config.why.thresholds':
        'doit être une liste de pourcentages de 1 à 1000 séparés par des virgules (par ex. 75,90,100)',
      'cli.config.why.account': 'doit être un compte enregistré (voir `copilot-meter auth status`)',
      'cli.config.why.boolean': 'doit valoir on ou off',
      'cli.config.why.apiUrl':
        'doit être une adresse d’API GitHub (https ; http simple seulement pour 127.0.0.1)',
      'cli.config.notSet': '(non défini)',
      'cli.config.saved': '{key} = {value}',
      'cli.config.unset': '{key} revient à sa valeur par défaut : {value}',
      'cli.config.launchNote': 'L’application de la barre l’appliquera à son prochain démarrage.',
      'cli.err.format': '--format doit valoir {formats}',
      'cli.err.unexpected': 'argument inattendu « {arg} »',
      'cli.err.lang': '--lang doit valoir en, zh ou fr',
      'cli.err.user': '--user n’est pas un identifiant GitHub',
      'cli.err.plan': '--plan doit valoir free, pro, pro+, max, business ou enterprise',
      'cli.err.allowance': '--allowance doit être un nombre positif',
      'cli.err.watch':
        '--watch prend un nombre de secondes, au moins 60 (GitHub met l’usage à jour lentement) et au plus 86400 (un jour)',
      'cli.usageError': 'copilot-meter : {message}. Essayez `copilot-meter --help`.',
      'cli.stdinEmpty': 'Aucun jeton sur l’entrée standard.',
      'cli.help': `copilot-meter — la part du quota GitHub Copilot de ce mois déjà utilisée

Usage :
  copilot-meter [status] [options]     affiche l’usage (commande par défaut)
  copilot-meter auth set [--user L]    enregistre un jeton fine-grained (lu sur stdin ou saisie masquée)
  copilot-meter auth status            comptes enregistrés, fin du jeton, expiration
  copilot-meter auth remove [LOGIN] [--yes]   supprime un jeton enregistré (--yes hors d’un terminal)
  copilot-meter auth import [--delete] importe l’ancien ~/.config/opencode/copilot-quota-token.json
  copilot-meter history [--months N] [--csv]   usage quotidien, du plus ancien (N mois, 1..24 ; --json aussi)
  copilot-meter guard --min-left N|N%  code 0 tant qu’il reste au moins N unités (ou N %), 10 sinon,
                                       11 quand on ne peut pas le savoir
  copilot-meter config get [CLÉ] | set CLÉ VALEUR | unset CLÉ   réglages partagés avec l’application :
                                       plan, allowance, lang, interval (minutes), thresholds (75,90,100),
                                       notify.thresholds|access|reset|forecast (on/off), launch-at-login, account,
                                       api-url
  copilot-meter --version              la version

Options :
  --json, --format text|json|oneline|waybar   format de sortie (text par défaut)
  --api-url URL        API GitHub (https://api.github.com, https://api.TENANT.ghe.com, https://HOTE/api/v3)
  --lang en|zh|fr      langue (par défaut : réglages, puis LANG / le système)
  --user LOGIN         quel compte enregistré lire ; refusé si le jeton appartient à un autre compte
  --plan FORFAIT       free, pro, pro+, max, business, enterprise (si GitHub ne le dit pas)
  --allowance N        quota mensuel personnalisé
  --token-stdin        lit un jeton sur stdin pour cette exécution (jamais en argument)
  --watch SECONDES     actualise toutes les SECONDES (au moins 60 ; GitHub met l’usage à jour lentement ; au plus 86400)

Les jetons viennent du trousseau du système (auth set), de COPILOT_METER_TOKEN, de --token-stdin ou des connexions Copilot
existantes (OpenCode, extensions d’éditeur Copilot, GitHub CLI). Codes de sortie : 0 ok, 2 usage, 3 jeton,
4 introuvable, 5 limité, 6 réseau, 7 réponse non reconnue, 8 trousseau.`,
    },
  },
);

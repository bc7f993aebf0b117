/** Messages of the auth area (`copilot-meter auth …`). Keys are prefixed 'auth.'. */
import { defineMessages } from './catalog';

export const auth = defineMessages(
  {
    'auth.help':
      'Usage: copilot-meter auth <command>\n' +
      '  set [--user LOGIN] [--session-only]  check a token (piped on stdin, or pasted hidden) and save it in the keychain\n' +
      '  status [--json]                      saved accounts, token endings, expiry, last check, where tokens are stored\n' +
      '  remove [LOGIN] [--yes]               delete a saved token (asks first; --yes when not in a terminal)\n' +
      '  import [--delete]                    import the legacy copilot-quota-token.json (and optionally delete it)',
    'auth.unknownCommand': 'Unknown auth command "{name}".',
    'auth.promptToken': 'Paste your GitHub token (input is hidden): ',
    'auth.tokenEmpty':
      'No token given. Pipe it in (… | copilot-meter auth set) or run the command in a terminal to paste it.',
    'auth.tokenMalformed': 'That does not look like a token (it contains spaces or several lines).',
    'auth.checking': 'Checking the token with {host}…',
    'auth.saved': 'Saved token {hint} for @{login} ({plan}, {unit})',
    'auth.savedIn': 'Stored in {store}.',
    'auth.store.keychain': 'the system keychain',
    'auth.store.memory': 'memory, for this session only',
    'auth.notSaved': 'Nothing was saved; a token saved before is unchanged.',
    'auth.nothingSaved': 'Nothing was saved.',
    'auth.userMismatch': 'The token belongs to @{actual}, not @{requested}. Nothing was saved.',
    'auth.loginCase': 'GitHub spells the login @{login} (not @{given}); using @{login}.',
    'auth.planNotDetected':
      'GitHub does not tell the plan to this token: save it with `copilot-meter config set plan PLAN` (or pass --plan to `copilot-meter status`).',
    'auth.planFromFile': 'Plan taken from the file: {plan}.',
    'auth.warning.classic-token':
      'This is a classic token (ghp_). It works, but a fine-grained token with only "Plan: Read-only" is safer.',
    'auth.warning.no-usage-yet': 'No usage recorded yet this period (normal at the start of a month).',
    'auth.warning.other': 'Note: {warning}',
    'auth.keychainRetryRemove':
      'Nothing was removed. Start or unlock the keychain and run the command again.',
    'auth.keychainChoices':
      'Nothing was saved. Start or unlock the keychain and run the command again; without a keychain (scripts, servers), set the COPILOT_METER_TOKEN environment variable instead.',
    'auth.sessionOnly':
      'Checked token {hint} for @{login} ({plan}, {unit}). --session-only keeps nothing after this command ends: for scripts, set COPILOT_METER_TOKEN instead.',
    'auth.settingsFailed': 'The token is in the keychain, but the settings could not be updated: {detail}',
    'auth.status.none': 'No token saved. Add one with `copilot-meter auth set`.',
    'auth.status.store': 'Tokens are kept in {store}.',
    'auth.status.storeFailed': 'The keychain could not be read: {reason}',
    'auth.status.account': '@{login} on {host}{active}: token {hint}, {expiry}, {checked}',
    'auth.status.active': ' (shown in the tray)',
    'auth.status.expires': 'expires {date}',
    'auth.status.noExpiry': 'no expiry date known',
    'auth.status.checked': 'last checked {date}',
    'auth.status.neverChecked': 'never checked',
    'auth.status.sessionOnly':
      '  the tray app keeps @{login}’s token for its session only (the keychain was unavailable); other programs cannot read it',
    'auth.status.missing':
      '  the keychain holds no token for @{login}: run `copilot-meter auth set --user {login}`',
    'auth.status.orphan': '@{login} on {host}: token in the keychain, not listed in settings',
    'auth.status.env': 'COPILOT_METER_TOKEN is set (token {hint}); `copilot-meter status` uses it instead.',
    'auth.remove.which': 'Several accounts are saved; name one: copilot-meter auth remove LOGIN ({logins})',
    'auth.remove.none': 'No saved account matches "{login}".',
    'auth.remove.nothing': 'No token is saved.',
    'auth.remove.needYes':
      'auth remove asks before deleting, and input is not a terminal: add --yes to remove {accounts}',
    'auth.remove.confirm': 'Remove the saved token of {accounts}?',
    'auth.remove.kept': 'Nothing was removed.',
    'auth.removed': 'Removed the token for @{login} on {host}.',
    'auth.import.none': 'No legacy token file found (looked in: {paths}).',
    'auth.import.problem': '{message}',
    'auth.import.otherHost':
      'The old copilot-quota-token.json holds a github.com token; it is not sent to {host}. Run the import without --api-url (or with https://api.github.com).',
    'auth.import.found': 'Importing {path}',
    'auth.import.fileUser': 'The file names @{given}, but the token belongs to @{login}; using @{login}.',
    'auth.import.deleteQuestion': 'Delete {path}? It still holds the token in plain text.',
    'auth.import.deleted': 'Deleted {path}.',
    'auth.import.kept':
      'Left {path} in place; it still holds the token in plain text. Delete it yourself, or run `copilot-meter auth import --delete`.',
    'auth.import.deleteFailed': 'Could not delete {path}: {reason}',
  },
  {
    zh: {
      'auth.help':
        '用法：copilot-meter auth <命令>\n' +
        '  set [--user 登录名] [--session-only]  检查令牌（从标准输入管道传入，或隐藏输入粘贴）并保存到钥匙串\n' +
        '  status [--json]                      已保存的账户、令牌结尾、到期时间、上次检查、令牌存放位置\n' +
        '  remove [登录名] [--yes]               删除已保存的令牌（会先询问；不在终端中时需加 --yes）\n' +
        '  import [--delete]                    导入旧的 copilot-quota-token.json（可选择删除该文件）',
      'auth.unknownCommand': '未知的 auth 命令“{name}”。',
      'auth.promptToken': '粘贴您的 GitHub 令牌（输入不会显示）：',
      'auth.tokenEmpty': '未提供令牌。请通过管道传入（… | copilot-meter auth set），或在终端中运行以粘贴。',
      'auth.tokenMalformed': '这看起来不像令牌（包含空格或多行）。',
      'auth.checking': '正在向 {host} 检查令牌…',
      'auth.saved': '已为 @{login} 保存令牌 {hint}（{plan}，{unit}）',
      'auth.savedIn': '保存在{store}。',
      'auth.store.keychain': '系统钥匙串',
      'auth.store.memory': '内存中（仅本次会话）',
      'auth.notSaved': '未保存任何内容；之前保存的令牌保持不变。',
      'auth.nothingSaved': '未保存任何内容。',
      'auth.userMismatch': '该令牌属于 @{actual}，而不是 @{requested}。未保存任何内容。',
      'auth.loginCase': 'GitHub 的登录名写作 @{login}（而非 @{given}）；将使用 @{login}。',
      'auth.planNotDetected':
        'GitHub 未向此令牌提供套餐信息：请用 `copilot-meter config set plan PLAN` 保存（或在 `copilot-meter status` 中使用 --plan）。',
      'auth.planFromFile': '套餐取自文件：{plan}。',
      'auth.warning.classic-token':
        '这是经典令牌（ghp_）。它可以使用，但仅带“Plan: Read-only”权限的细粒度令牌更安全。',
      'auth.warning.no-usage-yet': '本周期尚无用量记录（月初属正常）。',
      'auth.warning.other': '提示：{warning}',
      'auth.keychainRetryRemove': '未删除任何内容。请启动或解锁钥匙串后重新运行该命令。',
      'auth.keychainChoices':
        '未保存任何内容。请启动或解锁钥匙串后重新运行命令；没有钥匙串时（脚本、服务器），请改用 COPILOT_METER_TOKEN 环境变量。',
      'auth.sessionOnly':
        '已检查 @{login} 的令牌 {hint}（{plan}，{unit}）。--session-only 在命令结束后不保留任何内容：脚本请改用 COPILOT_METER_TOKEN。',
      'auth.settingsFailed': '令牌已保存到钥匙串，但无法更新设置：{detail}',
      'auth.status.none': '未保存令牌。请使用 `copilot-meter auth set` 添加。',
      'auth.status.store': '令牌保存在{store}。',
      'auth.status.storeFailed': '无法读取钥匙串：{reason}',
      'auth.status.account': '@{login}（{host}）{active}：令牌 {hint}，{expiry}，{checked}',
      'auth.status.active': '（托盘中显示）',
      'auth.status.expires': '{date} 到期',
      'auth.status.noExpiry': '到期时间未知',
      'auth.status.checked': '上次检查 {date}',
      'auth.status.neverChecked': '从未检查',
      'auth.status.sessionOnly':
        '  托盘应用仅在本次会话中保存 @{login} 的令牌（当时钥匙串不可用）；其他程序无法读取',
      'auth.status.missing': '  钥匙串中没有 @{login} 的令牌：请运行 `copilot-meter auth set --user {login}`',
      'auth.status.orphan': '@{login}（{host}）：令牌在钥匙串中，但未列在设置里',
      'auth.status.env': '已设置 COPILOT_METER_TOKEN（令牌 {hint}）；`copilot-meter status` 将使用它。',
      'auth.remove.which': '已保存多个账户，请指定一个：copilot-meter auth remove 登录名（{logins}）',
      'auth.remove.none': '没有与“{login}”匹配的已保存账户。',
      'auth.remove.nothing': '没有已保存的令牌。',
      'auth.remove.needYes': 'auth remove 删除前需要确认，而输入不是终端：请加上 --yes 以删除 {accounts}',
      'auth.remove.confirm': '删除 {accounts} 已保存的令牌？',
      'auth.remove.kept': '未删除任何内容。',
      'auth.removed': '已删除 @{login}（{host}）的令牌。',
      'auth.import.none': '未找到旧的令牌文件（查找位置：{paths}）。',
      'auth.import.problem': '{message}',
      'auth.import.otherHost':
        '旧的 copilot-quota-token.json 中是 github.com 的令牌，不会发送到 {host}。请去掉 --api-url（或使用 https://api.github.com）后再导入。',
      'auth.import.found': '正在导入 {path}',
      'auth.import.fileUser': '文件中的用户为 @{given}，但令牌属于 @{login}；将使用 @{login}。',
      'auth.import.deleteQuestion': '删除 {path}？它仍以明文保存着令牌。',
      'auth.import.deleted': '已删除 {path}。',
      'auth.import.kept':
        '已保留 {path}；它仍以明文保存着令牌。请自行删除，或运行 `copilot-meter auth import --delete`。',
      'auth.import.deleteFailed': '无法删除 {path}：{reason}',
    },
    fr: {
      'auth.help':
        'Usage : copilot-meter auth <commande>\n' +
        '  set [--user LOGIN] [--session-only]  vérifie un jeton (reçu sur stdin, ou collé masqué) et l’enregistre dans le trousseau\n' +
        '  status [--json]                      comptes enregistrés, fin du jeton, expiration, dernière vérification, lieu de stockage\n' +
        '  remove [LOGIN] [--yes]               supprime un jeton enregistré (demande d’abord ; --yes hors d’un terminal)\n' +
        '  import [--delete]                    importe l’ancien copilot-quota-token.json (et peut le supprimer)',
      'auth.unknownCommand': 'Commande auth inconnue « {name} ».',
      'auth.promptToken': 'Collez votre jeton GitHub (la saisie est masquée) : ',
      'auth.tokenEmpty':
        'Aucun jeton fourni. Envoyez-le sur l’entrée standard (… | copilot-meter auth set) ou lancez la commande dans un terminal pour le coller.',
      'auth.tokenMalformed':
        'Cela ne ressemble pas à un jeton (il contient des espaces ou plusieurs lignes).',
      'auth.checking': 'Vérification du jeton auprès de {host}…',
      'auth.saved': 'Jeton {hint} enregistré pour @{login} ({plan}, {unit})',
      'auth.savedIn': 'Conservé dans {store}.',
      'auth.store.keychain': 'le trousseau du système',
      'auth.store.memory': 'la mémoire, pour cette session seulement',
      'auth.notSaved': 'Rien n’a été enregistré ; un jeton enregistré auparavant reste inchangé.',
      'auth.nothingSaved': 'Rien n’a été enregistré.',
      'auth.userMismatch': 'Le jeton appartient à @{actual}, pas à @{requested}. Rien n’a été enregistré.',
      'auth.loginCase': 'GitHub écrit l’identifiant @{login} (et non @{given}) ; @{login} est utilisé.',
      'auth.planNotDetected':
        'GitHub n’indique pas le forfait à ce jeton : enregistrez-le avec `copilot-meter config set plan FORFAIT` (ou passez --plan à `copilot-meter status`).',
      'auth.planFromFile': 'Forfait repris du fichier : {plan}.',
      'auth.warning.classic-token':
        'C’est un jeton classique (ghp_). Il fonctionne, mais un jeton fine-grained limité à « Plan: Read-only » est plus sûr.',
      'auth.warning.no-usage-yet': 'Aucun usage enregistré pour cette période (normal en début de mois).',
      'auth.warning.other': 'Remarque : {warning}',
      'auth.keychainRetryRemove':
        'Rien n’a été supprimé. Démarrez ou déverrouillez le trousseau puis relancez la commande.',
      'auth.keychainChoices':
        'Rien n’a été enregistré. Démarrez ou déverrouillez le trousseau puis relancez la commande ; sans trousseau (scripts, serveurs), utilisez plutôt la variable d’environnement COPILOT_METER_TOKEN.',
      'auth.sessionOnly':
        'Jeton {hint} vérifié pour @{login} ({plan}, {unit}). --session-only ne garde rien après la fin de la commande : pour les scripts, utilisez COPILOT_METER_TOKEN.',
      'auth.settingsFailed':
        'Le jeton est dans le trousseau, mais les réglages n’ont pas pu être mis à jour : {detail}',
      'auth.status.none': 'Aucun jeton enregistré. Ajoutez-en un avec `copilot-meter auth set`.',
      'auth.status.store': 'Les jetons sont conservés dans {store}.',
      'auth.status.storeFailed': 'Le trousseau n’a pas pu être lu : {reason}',
      'auth.status.account': '@{login} sur {host}{active} : jeton {hint}, {expiry}, {checked}',
      'auth.status.active': ' (affiché dans la barre)',
      'auth.status.expires': 'expire le {date}',
      'auth.status.noExpiry': 'date d’expiration inconnue',
      'auth.status.checked': 'vérifié le {date}',
      'auth.status.neverChecked': 'jamais vérifié',
      'auth.status.sessionOnly':
        '  l’application garde le jeton de @{login} pour sa session seulement (trousseau indisponible) ; les autres programmes ne peuvent pas le lire',
      'auth.status.missing':
        '  le trousseau ne contient pas de jeton pour @{login} : lancez `copilot-meter auth set --user {login}`',
      'auth.status.orphan': '@{login} sur {host} : jeton dans le trousseau, absent des réglages',
      'auth.status.env':
        'COPILOT_METER_TOKEN est défini (jeton {hint}) ; `copilot-meter status` l’utilise à la place.',
      'auth.remove.which':
        'Plusieurs comptes sont enregistrés ; précisez lequel : copilot-meter auth remove LOGIN ({logins})',
      'auth.remove.none': 'Aucun compte enregistré ne correspond à « {login} ».',
      'auth.remove.nothing': 'Aucun jeton n’est enregistré.',
      'auth.remove.needYes':
        'auth remove demande confirmation avant de supprimer, et l’entrée n’est pas un terminal : ajoutez --yes pour supprimer {accounts}',
      'auth.remove.confirm': 'Supprimer le jeton enregistré de {accounts} ?',
      'auth.remove.kept': 'Rien n’a été supprimé.',
      'auth.removed': 'Jeton de @{login} sur {host} supprimé.',
      'auth.import.none': 'Aucun ancien fichier de jeton trouvé (cherché dans : {paths}).',
      'auth.import.problem': '{message}',
      'auth.import.otherHost':
        'L’ancien copilot-quota-token.json contient un jeton github.com : il n’est pas envoyé à {host}. Lancez l’import sans --api-url (ou avec https://api.github.com).',
      'auth.import.found': 'Import de {path}',
      'auth.import.fileUser':
        'Le fichier indique @{given}, mais le jeton appartient à @{login} ; @{login} est utilisé.',
      'auth.import.deleteQuestion': 'Supprimer {path} ? Il contient encore le jeton en clair.',
      'auth.import.deleted': '{path} supprimé.',
      'auth.import.kept':
        '{path} est conservé ; il contient encore le jeton en clair. Supprimez-le vous-même, ou lancez `copilot-meter auth import --delete`.',
      'auth.import.deleteFailed': 'Impossible de supprimer {path} : {reason}',
    },
  },
);

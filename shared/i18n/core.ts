/** Messages of the engine: units, plans, errors (what happened + what to do). Shared by CLI, tray and wizard. */
import { defineMessages } from './catalog';

export const core = defineMessages(
  {
    'unit.requests': 'premium requests',
    'unit.credits': 'AI credits',
    'unit.requests.title': 'Premium requests',
    'unit.credits.title': 'AI credits',
    'plan.free': 'Copilot Free',
    'plan.pro': 'Copilot Pro',
    'plan.pro+': 'Copilot Pro+',
    'plan.max': 'Copilot Max',
    'plan.business': 'Copilot Business',
    'plan.enterprise': 'Copilot Enterprise',
    'plan.unknown': 'plan unknown',
    unlimited: 'unlimited',
    'strategy.pat-billing': 'fine-grained token → billing API',
    'strategy.oauth-cached-session': 'cached Copilot session',
    'strategy.oauth-direct': 'Copilot sign-in (OAuth)',
    'strategy.oauth-exchange': 'Copilot sign-in via session exchange',
    'source.keychain': 'system keychain',
    'source.stdin': 'standard input (--token-stdin)',
    'source.env': 'COPILOT_METER_TOKEN',
    'source.legacy-quota-file': 'copilot-quota-token.json',
    'source.opencode': 'OpenCode sign-in',
    'source.copilot-editor': 'Copilot editor sign-in',
    'source.gh-cli': 'GitHub CLI sign-in',
    'error.auth.expired': 'The token has expired. Create a new one and save it in setup.',
    'error.auth.revoked':
      'GitHub rejected the token (revoked or mistyped). Create a new one and save it in setup.',
    'error.auth.invalid': 'GitHub rejected the token. Check that you pasted all of it, or create a new one.',
    'error.auth.missingPermission':
      'The token lacks the "{permission}" permission. Edit the token on GitHub: Account permissions → {permission} → Read-only.',
    'error.notFound.user':
      'GitHub found no billing data for @{login}. Check the username (it is case-sensitive) or let the app detect it from the token.',
    'error.notFound.seatBilledToOrg':
      'Your Copilot seat is billed to an organization, so your personal billing shows no usage. Sign in to a Copilot client (OpenCode, VS Code) so the app can read your seat, or ask an org admin.',
    'error.notFound.endpoint': 'This GitHub server does not offer the usage endpoint. Check the API URL.',
    'error.rateLimit': 'GitHub is rate-limiting requests. The app will try again at {time}.',
    'error.rateLimit.noTime': 'GitHub is rate-limiting requests. The app will try again later.',
    'error.rateLimit.date': 'GitHub is rate-limiting requests. The app will try again on {date} at {time}.',
    'error.network': 'Cannot reach GitHub. Check your connection or proxy.',
    'error.network.at': 'Cannot reach {address}: {cause}.',
    'error.network.cause.notFound': 'the name {host} was not found (check the address)',
    'error.network.cause.refused': 'the connection was refused (nothing answers on that port)',
    'error.network.cause.tls':
      'the secure (https) connection failed; a server that speaks plain http needs an http:// address (allowed for 127.0.0.1 only)',
    'error.network.cause.cert': 'its certificate is not trusted ({code})',
    'error.network.cause.closed': 'the server closed the connection without an answer',
    'error.network.cause.unreachable':
      'the network or host is unreachable ({code}); check your connection or proxy',
    'error.network.cause.other': '{code}; check your connection or proxy',
    'error.timeout': 'GitHub did not answer within {seconds} s. Try again in a few minutes.',
    'error.timeout.at':
      '{address} did not answer within {seconds} s. Check the address, or try again in a few minutes.',
    'error.server': 'GitHub had a problem (HTTP {status}). Try again in a few minutes.',
    'error.responseShape':
      'GitHub answered in a shape this version does not recognise (missing: {missing}). Please report it.',
    'error.token.empty': 'Paste the token first.',
    'error.token.whitespace': 'The token contains spaces or line breaks: copy it again from GitHub.',
    'error.token.characters':
      'The token holds characters a GitHub token never has (only letters, digits and _ are): copy it again from GitHub.',
    'error.token.too-long':
      'That is far longer than a GitHub token (at most 512 characters): copy the token alone.',
    'error.tooLarge':
      'GitHub sent an answer larger than {size} MB, far more than usage data takes. It was not read; check the API URL or proxy.',
    'error.token.oauth-token':
      'This is an OAuth token (gho_…), not a personal access token. Create a fine-grained token (github_pat_…) with Plan: Read-only.',
    'error.token.not-a-pat':
      'This does not look like a GitHub personal access token (github_pat_… or ghp_…). Copy it again from GitHub.',
    'error.config.noCredential':
      'No GitHub token found. Run setup (or `copilot-meter auth set`) to add a fine-grained token with Plan: Read.',
    'error.config.badInput': 'Invalid input: {detail}',
    'error.config.insecureUrl':
      'Refusing to send a token over plain http to {detail}. Use https (http only for 127.0.0.1).',
    'error.config.corruptFile': 'A file could not be read: {detail}. Nothing was changed.',
    'error.config.other': 'Configuration problem: {detail}',
    'error.keychain.unavailable':
      'The system keychain is not available. Start or unlock it and retry, or keep the token for this session only.',
    'error.keychain.locked': 'The system keychain is locked. Unlock it and retry.',
    'error.keychain.denied': 'Access to the system keychain was refused.',
    'error.keychain.other': 'The system keychain reported an error: {detail}',
  },
  {
    zh: {
      'unit.requests': '高级请求',
      'unit.credits': 'AI 积分',
      'unit.requests.title': '高级请求',
      'unit.credits.title': 'AI 积分',
      'plan.free': 'Copilot Free',
      'plan.pro': 'Copilot Pro',
      'plan.pro+': 'Copilot Pro+',
      'plan.max': 'Copilot Max',
      'plan.business': 'Copilot Business',
      'plan.enterprise': 'Copilot Enterprise',
      'plan.unknown': '套餐未知',
      unlimited: '无限制',
      'strategy.pat-billing': '细粒度令牌 → 账单 API',
      'strategy.oauth-cached-session': '缓存的 Copilot 会话',
      'strategy.oauth-direct': 'Copilot 登录（OAuth）',
      'strategy.oauth-exchange': '通过会话交换的 Copilot 登录',
      'source.keychain': '系统钥匙串',
      'source.stdin': '标准输入（--token-stdin）',
      'source.env': 'COPILOT_METER_TOKEN',
      'source.legacy-quota-file': 'copilot-quota-token.json',
      'source.opencode': 'OpenCode 登录',
      'source.copilot-editor': 'Copilot 编辑器登录',
      'source.gh-cli': 'GitHub CLI 登录',
      'error.auth.expired': '令牌已过期。请创建新令牌并在设置中保存。',
      'error.auth.revoked': 'GitHub 拒绝了该令牌（已撤销或输入有误）。请创建新令牌并在设置中保存。',
      'error.auth.invalid': 'GitHub 拒绝了该令牌。请检查是否完整粘贴，或创建新令牌。',
      'error.auth.missingPermission':
        '令牌缺少“{permission}”权限。请在 GitHub 上编辑令牌：Account permissions → {permission} → Read-only。',
      'error.notFound.user':
        'GitHub 未找到 @{login} 的账单数据。请检查用户名（区分大小写），或让应用从令牌中检测。',
      'error.notFound.seatBilledToOrg':
        '您的 Copilot 席位由组织付费，因此个人账单中没有用量。请登录 Copilot 客户端（OpenCode、VS Code）以便应用读取席位，或联系组织管理员。',
      'error.notFound.endpoint': '此 GitHub 服务器不提供用量接口。请检查 API 地址。',
      'error.rateLimit': 'GitHub 正在限制请求频率。应用将于 {time} 重试。',
      'error.rateLimit.noTime': 'GitHub 正在限制请求频率。应用稍后将重试。',
      'error.rateLimit.date': 'GitHub 正在限制请求频率。应用将于 {date} {time} 重试。',
      'error.network': '无法连接 GitHub。请检查网络或代理。',
      'error.network.at': '无法连接 {address}：{cause}。',
      'error.network.cause.notFound': '找不到主机名 {host}（请检查地址）',
      'error.network.cause.refused': '连接被拒绝（该端口上没有服务应答）',
      'error.network.cause.tls':
        '安全（https）连接失败；如果该服务器使用纯 http，请使用 http:// 地址（仅允许 127.0.0.1）',
      'error.network.cause.cert': '其证书不受信任（{code}）',
      'error.network.cause.closed': '服务器未应答就关闭了连接',
      'error.network.cause.unreachable': '网络或主机不可达（{code}）；请检查网络或代理',
      'error.network.cause.other': '{code}；请检查网络或代理',
      'error.timeout': 'GitHub 在 {seconds} 秒内没有响应。请过几分钟再试。',
      'error.timeout.at': '{address} 在 {seconds} 秒内没有响应。请检查地址，或过几分钟再试。',
      'error.server': 'GitHub 出现问题（HTTP {status}）。请过几分钟再试。',
      'error.responseShape': 'GitHub 返回了此版本无法识别的格式（缺少：{missing}）。请报告此问题。',
      'error.token.empty': '请先粘贴令牌。',
      'error.token.whitespace': '令牌中含有空格或换行：请从 GitHub 重新复制。',
      'error.token.characters':
        '令牌中含有 GitHub 令牌不会有的字符（只能是字母、数字和 _）：请从 GitHub 重新复制。',
      'error.token.too-long': '内容远长于 GitHub 令牌（最多 512 个字符）：请只复制令牌本身。',
      'error.tooLarge':
        'GitHub 返回的应答大于 {size} MB，远超用量数据所需，未予读取。请检查 API 地址或代理。',
      'error.token.oauth-token':
        '这是 OAuth 令牌（gho_…），不是个人访问令牌。请创建具有 Plan: Read-only 权限的细粒度令牌（github_pat_…）。',
      'error.token.not-a-pat':
        '这看起来不是 GitHub 个人访问令牌（github_pat_… 或 ghp_…）。请从 GitHub 重新复制。',
      'error.config.noCredential':
        '未找到 GitHub 令牌。请运行设置（或 `copilot-meter auth set`）添加具有 Plan: Read 权限的细粒度令牌。',
      'error.config.badInput': '输入无效：{detail}',
      'error.config.insecureUrl':
        '拒绝通过明文 http 向 {detail} 发送令牌。请使用 https（仅 127.0.0.1 可用 http）。',
      'error.config.corruptFile': '无法读取文件：{detail}。未做任何更改。',
      'error.config.other': '配置问题：{detail}',
      'error.keychain.unavailable': '系统钥匙串不可用。请启动或解锁后重试，或仅在本次会话中保留令牌。',
      'error.keychain.locked': '系统钥匙串已锁定。请解锁后重试。',
      'error.keychain.denied': '访问系统钥匙串被拒绝。',
      'error.keychain.other': '系统钥匙串报告错误：{detail}',
    },
    fr: {
      'unit.requests': 'requêtes premium',
      'unit.credits': 'crédits IA',
      'unit.requests.title': 'Requêtes premium',
      'unit.credits.title': 'Crédits IA',
      'plan.free': 'Copilot Free',
      'plan.pro': 'Copilot Pro',
      'plan.pro+': 'Copilot Pro+',
      'plan.max': 'Copilot Max',
      'plan.business': 'Copilot Business',
      'plan.enterprise': 'Copilot Enterprise',
      'plan.unknown': 'forfait inconnu',
      unlimited: 'illimité',
      'strategy.pat-billing': 'jeton fine-grained → API de facturation',
      'strategy.oauth-cached-session': 'session Copilot en cache',
      'strategy.oauth-direct': 'connexion Copilot (OAuth)',
      'strategy.oauth-exchange': 'connexion Copilot par échange de session',
      'source.keychain': 'trousseau du système',
      'source.stdin': 'entrée standard (--token-stdin)',
      'source.env': 'COPILOT_METER_TOKEN',
      'source.legacy-quota-file': 'copilot-quota-token.json',
      'source.opencode': 'connexion OpenCode',
      'source.copilot-editor': 'connexion de l’éditeur Copilot',
      'source.gh-cli': 'connexion GitHub CLI',
      'error.auth.expired': 'Le jeton a expiré. Créez-en un nouveau et enregistrez-le dans la configuration.',
      'error.auth.revoked':
        'GitHub a refusé le jeton (révoqué ou mal saisi). Créez-en un nouveau et enregistrez-le dans la configuration.',
      'error.auth.invalid':
        'GitHub a refusé le jeton. Vérifiez que vous l’avez collé en entier, ou créez-en un nouveau.',
      'error.auth.missingPermission':
        'Il manque au jeton la permission « {permission} ». Modifiez le jeton sur GitHub : Account permissions → {permission} → Read-only.',
      'error.notFound.user':
        'GitHub ne trouve aucune donnée de facturation pour @{login}. Vérifiez le nom d’utilisateur (sensible à la casse) ou laissez l’application le détecter à partir du jeton.',
      'error.notFound.seatBilledToOrg':
        'Votre siège Copilot est facturé à une organisation : votre facturation personnelle n’affiche donc aucun usage. Connectez-vous à un client Copilot (OpenCode, VS Code) pour que l’application lise votre siège, ou demandez à un administrateur.',
      'error.notFound.endpoint':
        'Ce serveur GitHub ne propose pas le point d’accès d’usage. Vérifiez l’URL de l’API.',
      'error.rateLimit': 'GitHub limite le nombre de requêtes. Nouvel essai à {time}.',
      'error.rateLimit.noTime': 'GitHub limite le nombre de requêtes. Nouvel essai plus tard.',
      'error.rateLimit.date': 'GitHub limite le nombre de requêtes. Nouvel essai le {date} à {time}.',
      'error.network': 'Impossible de joindre GitHub. Vérifiez votre connexion ou votre proxy.',
      'error.network.at': 'Impossible de joindre {address} : {cause}.',
      'error.network.cause.notFound': 'le nom {host} est introuvable (vérifiez l’adresse)',
      'error.network.cause.refused': 'la connexion a été refusée (rien ne répond sur ce port)',
      'error.network.cause.tls':
        'la connexion sécurisée (https) a échoué ; un serveur en http simple demande une adresse http:// (permise pour 127.0.0.1 seulement)',
      'error.network.cause.cert': 'son certificat n’est pas reconnu ({code})',
      'error.network.cause.closed': 'le serveur a fermé la connexion sans répondre',
      'error.network.cause.unreachable':
        'le réseau ou l’hôte est injoignable ({code}) ; vérifiez votre connexion ou votre proxy',
      'error.network.cause.other': '{code} ; vérifiez votre connexion ou votre proxy',
      'error.timeout': 'GitHub n’a pas répondu en {seconds} s. Réessayez dans quelques minutes.',
      'error.timeout.at':
        '{address} n’a pas répondu en {seconds} s. Vérifiez l’adresse, ou réessayez dans quelques minutes.',
      'error.server': 'GitHub a rencontré un problème (HTTP {status}). Réessayez dans quelques minutes.',
      'error.responseShape':
        'GitHub a répondu dans un format que cette version ne reconnaît pas (manquant : {missing}). Signalez-le.',
      'error.token.empty': 'Collez d’abord le jeton.',
      'error.token.whitespace':
        'Le jeton contient des espaces ou des retours à la ligne : copiez-le à nouveau depuis GitHub.',
      'error.token.characters':
        'Le jeton contient des caractères qu’un jeton GitHub n’a jamais (seulement lettres, chiffres et _) : copiez-le à nouveau depuis GitHub.',
      'error.token.too-long':
        'C’est bien plus long qu’un jeton GitHub (512 caractères au plus) : copiez le jeton seul.',
      'error.tooLarge':
        'GitHub a envoyé une réponse de plus de {size} Mo, bien plus que des données d’usage. Elle n’a pas été lue ; vérifiez l’URL de l’API ou le proxy.',
      'error.token.oauth-token':
        'Ceci est un jeton OAuth (gho_…), pas un jeton d’accès personnel. Créez un jeton fine-grained (github_pat_…) avec Plan: Read-only.',
      'error.token.not-a-pat':
        'Ceci ne ressemble pas à un jeton d’accès personnel GitHub (github_pat_… ou ghp_…). Copiez-le à nouveau depuis GitHub.',
      'error.config.noCredential':
        'Aucun jeton GitHub trouvé. Lancez la configuration (ou `copilot-meter auth set`) pour ajouter un jeton fine-grained avec Plan: Read.',
      'error.config.badInput': 'Saisie invalide : {detail}',
      'error.config.insecureUrl':
        'Refus d’envoyer un jeton en http simple à {detail}. Utilisez https (http seulement pour 127.0.0.1).',
      'error.config.corruptFile': 'Un fichier n’a pas pu être lu : {detail}. Rien n’a été modifié.',
      'error.config.other': 'Problème de configuration : {detail}',
      'error.keychain.unavailable':
        'Le trousseau du système n’est pas disponible. Démarrez-le ou déverrouillez-le puis réessayez, ou gardez le jeton pour cette session seulement.',
      'error.keychain.locked': 'Le trousseau du système est verrouillé. Déverrouillez-le puis réessayez.',
      'error.keychain.denied': 'L’accès au trousseau du système a été refusé.',
      'error.keychain.other': 'Le trousseau du système a signalé une erreur : {detail}',
    },
  },
);

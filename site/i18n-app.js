// @ts-check
// Strings of the installed app (service worker, install and update prompts, offline state), in English and French (merged into the catalogue by
// i18n.js).

/** @type {Record<'en' | 'fr', Record<string, string | { one: string, other: string }>>} */
export const appStrings = {
  en: {
    'app.ready': 'Ready to work offline: the validator and the generator now work without a network connection.',
    'app.update': 'Update available — reload to use the new version. Your entries are kept.',
    'app.update.reload': 'Reload',
    'app.update.later': 'Later',
    'app.updating': 'Updating…',
    'app.offline':
      'You are offline. The validator and the generator keep working; checking a live domain needs the network.',
    'app.close': 'Close',
    'privacy.heading': 'Privacy',
    'privacy.offline':
      'The validator and the generators run on your device and make no network request: nothing you paste, type or open leaves your browser. The one exception is the generator’s “Import from DNS” button: when you press it, it asks the checker’s DNS resolver (or, should it fail, a public one) for your domain’s MX records.',
    'privacy.checker':
      'The domain checker contacts only DNS-over-HTTPS resolvers and your domain’s policy host (`mta-sts.<domain>`), to read public DNS records and the policy file: the resolver you choose (Cloudflare by default, Google, or your own); Google (Cloudflare when you chose Google), asked the TXT and MX questions again to compare the answers; and, should your resolver fail, Cloudflare (Google when you chose Cloudflare) in its place.',
    'privacy.us':
      'Nothing is sent to us: no account, no analytics, no cookies. The installed app only asks this site whether a new version of its own files exists.',
    'privacy.storage':
      'Your settings, form entries and check history stay in this browser’s local storage (localStorage), and the offline copy of the app in its cache; clearing this site’s data removes both.',
  },
  fr: {
    'app.ready':
      'Prêt à fonctionner hors ligne : le validateur et le générateur marchent désormais sans connexion réseau.',
    'app.update':
      'Mise à jour disponible — rechargez pour utiliser la nouvelle version. Vos saisies sont conservées.',
    'app.update.reload': 'Recharger',
    'app.update.later': 'Plus tard',
    'app.updating': 'Mise à jour…',
    'app.offline':
      'Vous êtes hors ligne. Le validateur et le générateur continuent de fonctionner ; vérifier un domaine en ligne demande le réseau.',
    'app.close': 'Fermer',
    'privacy.heading': 'Confidentialité',
    'privacy.offline':
      'Le validateur et les générateurs fonctionnent sur votre appareil et ne font aucune requête réseau : rien de ce que vous collez, saisissez ou ouvrez ne quitte votre navigateur. Seule exception, le bouton « Importer depuis le DNS » du générateur : quand vous l’utilisez, il demande les enregistrements MX de votre domaine au résolveur DNS du vérificateur (ou, s’il échoue, à un résolveur public).',
    'privacy.checker':
      'Le vérificateur de domaine contacte uniquement des résolveurs DNS-over-HTTPS et l’hôte de politique de votre domaine (`mta-sts.<domaine>`), pour lire les enregistrements DNS publics et le fichier de politique : le résolveur que vous choisissez (Cloudflare par défaut, Google ou le vôtre) ; Google (Cloudflare si vous avez choisi Google), qui reçoit à nouveau les questions TXT et MX pour comparer les réponses ; et, si votre résolveur échoue, Cloudflare (Google si vous avez choisi Cloudflare) à sa place.',
    'privacy.us':
      'Rien ne nous est envoyé : ni compte, ni mesure d’audience, ni cookie. L’application installée demande seulement à ce site si une nouvelle version de ses propres fichiers existe.',
    'privacy.storage':
      'Vos réglages, vos saisies et l’historique des vérifications restent dans le stockage local de ce navigateur (localStorage), et la copie hors ligne de l’application dans son cache ; effacer les données de ce site supprime les deux.',
  },
};

// Golden outputs of the repository's templates (TemplateTests). When a template changes on
// purpose, update these with it; any other difference is a bug.

let goldenENSubject = #"""
Re: Can I use the logo?
"""#

let goldenENText = #"""
Hello,

Thank you for writing to social-media@cern.ch.

The CERN logo is legally protected. It must not appear in your personal posts or on a personal social-media profile, and official uses follow CERN's visual identity rules. For an official project or event that needs the logo, ask the visual identity team, copied on this reply (visual.identity@cern.ch), before publishing anything.

The guidelines: https://admin-eguide.web.cern.ch/procedure/social-media-guidelines

Best regards,
The CERN social-media team (social-media@cern.ch)

This is an automatic reply from heed. Reply to this message to reach a person.
"""# + "\n"

let goldenENHTML = #"""
<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"></head>
<body>
<p>Hello,</p>
<p>Thank you for writing to social-media@cern.ch.</p>
<p>The CERN logo is legally protected. It must not appear in your personal posts or on a personal social-media profile, and official uses follow CERN&#39;s visual identity rules. For an official project or event that needs the logo, ask the visual identity team, copied on this reply (visual.identity@cern.ch), before publishing anything.</p>
<p>The guidelines: <a href="https://admin-eguide.web.cern.ch/procedure/social-media-guidelines">https://admin-eguide.web.cern.ch/procedure/social-media-guidelines</a></p>
<p>Best regards,<br>
The CERN social-media team (<a href="mailto:social-media@cern.ch">social-media@cern.ch</a>)</p>
<p><small>This is an automatic reply from heed. Reply to this message to reach a person.</small></p>
</body>
</html>
"""# + "\n"

let goldenFRSubject = #"""
Re: Puis-je utiliser le logo ?
"""#

let goldenFRText = #"""
Bonjour,

Merci d'avoir écrit à social-media@cern.ch.

Le logo du CERN est protégé juridiquement. Il ne doit apparaître ni dans vos publications personnelles ni sur un profil personnel de réseau social, et les usages officiels suivent les règles de l'identité visuelle du CERN. Pour un projet ou un événement officiel qui en a besoin, demandez à l'équipe de l'identité visuelle, en copie de cette réponse (visual.identity@cern.ch), avant toute publication.

Nous avons aussi relu le projet de publication de votre message :

- Respecter → Vie privée : publier des informations personnelles identifiables peut poser des problèmes de sûreté et de sécurité. Relevé : « +41 79 *** ** 12 ».
À changer : Retirez les données personnelles (numéros de téléphone, adresses, dates de naissance, numéros d'identité ou bancaires, données de santé).
Règle : https://admin-eguide.web.cern.ch/fr/procedure/social-media-guidelines

Les règles : https://admin-eguide.web.cern.ch/fr/procedure/social-media-guidelines

Meilleures salutations,
L'équipe des réseaux sociaux du CERN (social-media@cern.ch)

Ceci est une réponse automatique de heed. Répondez à ce message pour joindre une personne.
"""# + "\n"

let goldenFRHTML = #"""
<!DOCTYPE html>
<html lang="fr">
<head><meta charset="utf-8"></head>
<body>
<p>Bonjour,</p>
<p>Merci d'avoir écrit à social-media@cern.ch.</p>
<p>Le logo du CERN est protégé juridiquement. Il ne doit apparaître ni dans vos publications personnelles ni sur un profil personnel de réseau social, et les usages officiels suivent les règles de l&#39;identité visuelle du CERN. Pour un projet ou un événement officiel qui en a besoin, demandez à l&#39;équipe de l&#39;identité visuelle, en copie de cette réponse (visual.identity@cern.ch), avant toute publication.</p>
<p>Nous avons aussi relu le projet de publication de votre message :</p>
<ul>
<li>Respecter → Vie privée : publier des informations personnelles identifiables peut poser des problèmes de sûreté et de sécurité. Relevé : « +41 79 *** ** 12 ».<br>
À changer : Retirez les données personnelles (numéros de téléphone, adresses, dates de naissance, numéros d&#39;identité ou bancaires, données de santé).<br>
Règle : <a href="https://admin-eguide.web.cern.ch/fr/procedure/social-media-guidelines">https://admin-eguide.web.cern.ch/fr/procedure/social-media-guidelines</a></li>
</ul>
<p>Les règles : <a href="https://admin-eguide.web.cern.ch/fr/procedure/social-media-guidelines">https://admin-eguide.web.cern.ch/fr/procedure/social-media-guidelines</a></p>
<p>Meilleures salutations,<br>
L'équipe des réseaux sociaux du CERN (<a href="mailto:social-media@cern.ch">social-media@cern.ch</a>)</p>
<p><small>Ceci est une réponse automatique de heed. Répondez à ce message pour joindre une personne.</small></p>
</body>
</html>
"""# + "\n"

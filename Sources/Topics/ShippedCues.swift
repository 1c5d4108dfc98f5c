/// The topic cues heed ships with, in the cue format (see `CueBook`). Data, not code: edit the
/// text, not the classifier. It is a string literal rather than a bundled resource so that heed
/// needs no file at run time; an administrator can start their own file from
/// `TopicClassifier.shippedCues`.
///
/// Written from the guidelines and the spec's topic table, in English and French; none of it is
/// taken from the labelled corpus.
enum ShippedCues {
    static let text = #"""
# heed topic cues
#
# A cue: WEIGHT PATTERN. Words are compared folded (case, accents) and stemmed (plurals,
# -ing/-ed, final e), so `journaliste` also meets `Journalistes`. `word*` is a prefix.
# `a b` are consecutive words (stopwords aside), `a|b` either word, `A ~ B` parts within
# `window` words of each other (`~3`: within 3). Each cue counts once in the subject (times
# subject-weight) and once in the body (times 1 in the first lead-words words, tail-weight after).

set subject-weight 2
set lead-words 150
set tail-weight 0.5
set min-score 3
set min-margin 1
set max-words 4000
set max-lines 10000
set window 6

# Left out of questions and cues: articles, demonstratives, a few function words, elided
# French forms (l' d' qu' ...) and reply prefixes (Fwd:, TR:). Not `re`: `re-use`.
# Not `these`: folded, French `thèse` is the same word.
stopwords a an the this that those some any of to is are be was am
stopwords le la les l un une des du de d ce cet cette ces y s t j n m c qu
stopwords fw fwd tr aw

# A short line starting with one of these, followed by at most a dozen lines, starts the
# signature block.
signoff best regards
signoff kind regards
signoff warm regards
signoff regards
signoff best wishes
signoff best
signoff all the best
signoff cheers
signoff thanks
signoff thank you
signoff many thanks
signoff sincerely
signoff yours sincerely
signoff cordialement
signoff bien cordialement
signoff tres cordialement
signoff bien a vous
signoff merci
signoff merci beaucoup
signoff salutations
signoff meilleures salutations
signoff sinceres salutations
signoff amicalement
signoff bonne journee
signoff belle journee
signoff bonne soiree
signoff a bientot

# Legal footers.
footer confidentiality notice
footer this e-mail and any attachments
footer this email and any attachments
footer this message and any attachments
footer avis de confidentialite
footer ce message et toutes les pieces jointes
footer ce courriel et toutes les pieces jointes

# ---------------------------------------------------------------------------------------------
topic logo
# Using the logo, the visual identity, branding.
5   logo*
5   emblem*
5   wordmark|wordmarks|logotype|logotypes
3   cern mark|marks|signature|symbol
5   visual identity
5   identite visuelle
5   charte graphique|visuelle
4   graphic charter|guidelines|identity|chart
4   brand guidelines|book|manual|identity
3   branding|rebranding
1.5 brand
3   roundel|insignia|insigne
3   cern blue|colour|colours|color|colors|font|fonts|typeface|style
2   bleu cern
2   couleur|couleurs|typographie ~3 cern
2   colour|color palette
2   letterhead|letterheads
2   en-tete
2   mug|mugs|tasse|tasses
2   t-shirt
2   tee-shirt
2   tshirt|hoodie|hoodies|sweatshirt|casquette
2   sticker*|autocollant*|pins|lanyard*|tote
3   merchandis*|merch|goodies|swag
3   produits derives
3   objets publicitaires
2   print|printed|printing|imprimer|imprime|put|add|mettre|ajouter|display|afficher ~3 cern ~4 poster|posters|banner|flyer|flyers|slide|slides|mug|shirt|website|affiche|affiches|banniere|diapositive|site|cover|couverture|stand|booth
1.5 design|graphisme|graphique|graphic ~4 poster|affiche|banner|banniere|cover|flyer|visuel
3   official|officiel|officielle|officiels|officielles ~2 graphics|graphic|visuals|visual|template|templates|colours|colors|font|fonts|design|artwork|gabarit|gabarits|modele|modeles|visuels|couleurs|graphisme
3   consistent|coherent|coherente|harmonise|harmonised ~4 style|look|identity|branding|design|charte|identite|graphics
2.5 template|templates|gabarit|gabarits|modele|modeles ~3 slide|slides|poster|posters|powerpoint|ppt|presentation|affiche|affiches|flyer|diapositives
1   name|nom cern
2   header|banner|cover|banniere image|picture|visual|graphic|visuel
2   grey|gray|greyscale|grayscale|monochrome|colour|color|couleur|gris version|versions

# ---------------------------------------------------------------------------------------------
topic official
# Speaking officially, official accounts, authorisation to post for the organisation.
4   behalf
4   au nom cern|experience|organisation|departement|groupe|collaboration|laboratoire|service|equipe
2   au nom
3.5 speak|talk|comment|answer|respond|reply|write|tweet|post|act for cern|organisation|organization|experiment|department|collaboration|laboratory|lab|institution
3   parler|exprimer|repondre|publier|communiquer ~5 nom|part ~5 cern|organisation|experience|departement|collaboration|laboratoire
3   represent*|spokesperson|spokesman|spokeswoman
3   porte-parole
2.5 official*|officiel*
3   official*|officiel* ~3 account|accounts|channel|page|handle|position|statement|stance|view|views|capacity|voice|compte|comptes|chaine|position|declaration|voix|nom
3   department|departmental|group|experiment|team|section|unit|collaboration|project|institutional|corporate|laboratory|lab account|accounts|page|pages|channel|channels|handle|profile|feed
3   compte|comptes|page|chaine|profil ~3 institutionnel*|departement|experience|groupe|service|equipe|collaboration|section|unite|projet|laboratoire
3   authoris*|authoriz*|autoris*
2   approv*|approuv*|validat*|valider|valide
2   who|qui ~3 approv*|validat*|valide|valider|authoris*|authoriz*|autoris*|decide*|decid*|manage*|runs|gere|gerer|responsible|responsable
2   permission ~3 post|publish|speak|tweet|announce|comment|publier|parler|annoncer
1   personal capacity
1   titre personnel
1   views|opinions|opinion|avis ~3 own|personnel|personnels|personnelle|perso|personal
3   disclaimer*
2.5 avertissement|clause ~3 responsabilite
1.5 personal|private|own account|accounts|profile|page|feed
1.5 compte|comptes|profil ~2 personnel|perso|prive
2   admin|administrator|administrators|moderator|moderators|manage|managing|run|running|gerer|gere|administrer|moderer ~3 account|accounts|page|pages|channel|compte|comptes|chaine
2.5 open|create|start|launch|set|ouvrir|creer|lancer ~3 our|notre|department|experiment|group|team|project|departement|groupe|equipe|projet ~3 account|page|channel|compte|chaine|profil
2   position ~3 cern|organisation|organization|laboratory|laboratoire
3   reflect|reflects|represent*|engage|engagent|refletent|reflete ~4 position|positions|views|opinion|opinions|stance|organization|organisation|cern|employer|employeur
2.5 mention|mentioning|say|saying|state|stating|mentionner|dire|preciser|precisant ~4 work|working|employed|travaille|employe|employee ~5 cern
2   correct|correcting|rectify|corriger|rectifier ~4 facts|errors|mistakes|misinformation|erreurs|faits|inexactitudes
2   bio|biography|biographie|headline ~5 cern|job|employer|work|title|role|position|poste|emploi|travail|employeur
2.5 press release|releases
2.5 communique presse|officiel
2.5 communications|communication group|team|office|department|service
2.5 groupe|service|equipe communication|communications
2   statement|declaration|announce|announcement|annonce|annoncer ~4 cern|behalf|institution|organisation
2   endorse|endorsed|cautionn* ~3 cern|organisation|organization
3   criticism|criticisms|critique|critiques|attack|attacks|attaque|attaques|accusation|accusations|rebuttal|refute|defend|defendre ~4 cern|organization|organisation|laboratory|laboratoire
2.5 organization|organisation|cern itself|lui-meme|elle-meme
2.5 as ~2 cern ~2 physicist|scientist|employee|staff|member|engineer|researcher|fellow|representative
2.5 en-tant-que ~3 physicien|physicienne|scientifique|employe|employee|ingenieur|ingenieure|chercheur|chercheuse|membre|representant ~3 cern

# ---------------------------------------------------------------------------------------------
topic privacy
# Personal data, photos of people, removal requests.
5   privacy
5   vie privee
5   personal data|information|details|info|informations
5   donnees|informations|infos|renseignements personnelles|personnelle|personnels|personnel|privees
4   data protection
4   protection donnees
4   gdpr|rgpd|lpd|nlpd|dpo
4   droit image
4   consent*
3   right forgotten
3   droit oubli
3   face|faces|visage|visages ~5 photo|photos|picture|pictures|video|videos|image|images|camera|blur*|flou*|recognis*|recogniz*|reconnai*|identifi*
1.5 face|faces|visage|visages
3   photo|photos|picture|pictures|video|videos|image|images|footage|film|selfie ~8 people|person|persons|colleague|colleagues|everyone|everybody|participants|attendees|visitors|children|kids|students|staff|personnes|collegue|collegues|participants|visiteurs|enfants|etudiants|gens|monde|tous|eleves|pupils|schoolchildren|ecoliers|families|familles|parents|babies|baby|bebe|bebes
3   group photo|picture|shot|selfie
3   photo|photos|image|images groupe
3   blur*|pixelat*|flout*|anonymi*|anonymis*
3   recognis*|recogniz*|identifiable|reconnai*
2.5 tag|tagged|tagging|identifier|identifie ~4 photo|picture|post|image|video|publication
3.5 remov*|delet*|retir*|supprim*|enlev*|effac* ~5 photo|photos|picture|pictures|image|images|video|videos|name|address|number|nom|adresse|numero|details
2   takedown
2   take down
3   photo|photos|picture|pictures|video|image|photographed|filmed|photographie|filme me|myself|moi
2   photographed|filmed|photographie|photographiee|filme|filmee|recorded|enregistre ~3 me|moi|without|sans|permission|consent|accord
3   home|private|personal address|addresses
3   adresse|adresses personnelle|privee|domicile
3   phone|mobile|telephone number|numbers
3   numero|numeros telephone|portable|mobile|prive|personnel
2   date birth
2   date naissance
2   birthday|anniversaire|birthdate
3   without|sans ~2 consent|permission|accord|consentement|agreement|asking|demander
3   doxx*|doxing
3   health|medical|sante|medicale|medicales ~3 information|data|details|donnees|condition|situation|informations
3   leak*|fuite|divulg* ~3 personal|address|number|data|donnees|adresse|numero|personnelles
2   geolocat*|geotag*|localisation
3   minor|minors|mineur|mineurs|child|children|enfant|enfants|kids ~4 photo|photos|picture|pictures|video|image|images
3   private|privee|prive|offline ~3 conversation|conversations|message|messages|discussion|discussions|chat|email|emails|meeting|reunion
2   screenshot|screenshots|capture ~5 conversation|chat|message|messages|private|prive|email|mail|discussion
2   profile|profil|account|compte ~3 settings|parametres|reglages|visible|public|visibility|visibilite
3   parametres|reglages confidentialite
3   with|avec ~2 their|his|her|leur|leurs|son|sa|ses name|names|nom|noms|email|emails|address|addresses|adresse|adresses|number|numbers|numero|numeros
2.5 their|leurs emails|email|addresses|adresses|numeros|numbers|courriels|telephones|phones
3   list|liste ~3 participants|attendees|members|names|emails|membres|inscrits|noms|employees|staff
3   personal|personnel|personnelle|private|prive|privee ~3 details|information|life|vie|photos|pictures|address|numero|adresse
2   stalk*|traqu*
3   colleague|colleagues|people|person|persons|visitors|children|kids|collegue|collegues|personnes|gens|enfants|participants|eleves|pupils|families|familles ~4 appear|appears|appearing|visible|recognisable|recognizable|apparaissent|apparait|figurent|visibles|reconnai*
3   on voit|distingue|reconnait ~4 eleves|enfants|personnes|gens|visages|collegues|participants|familles|visiteurs
3   donne|donner|given|gave|obtenu|obtained|signe|signed ~3 accord|consentement|consent
3   asked|ask|asks|demande ~3 not|pas|ne ~3 publish|post|share|publier|partager|poster|diffuser
3   names*|prenoms|first-names|surnames|noms ~4 respondents|participants|people|colleagues|students|users|visitors|staff|collegues|personnes|utilisateurs|etudiants|employees|employes
2.5 survey|surveys|sondage|sondages|questionnaire|questionnaires|enquete ~4 results|answers|responses|respondents|data|resultats|reponses|donnees|quotes
2   passport|passports|passeport|passeports
3   id|identity|identite|avs|insurance|assurance|badge|access ~2 number|numbers|numero|numeros|card|cards|carte|cartes|document|documents
2.5 badge|badges ~4 photo|picture|number|visible|online|posted|numero|publie
3   where|ou ~3 live|lives|living|habite|habitent|habitons|reside|resides|vit|vivent
2.5 my|his|her|their|mon|son|sa|leur street|house|home|flat|apartment|address|rue|maison|domicile|appartement|adresse
2   live|lives|habite|habitent ~3 street|road|avenue|rue|chemin|route|impasse
1.5 lives|habite|habitent|domicilie|domiciliee

# ---------------------------------------------------------------------------------------------
topic security
# Hacked or impersonated accounts, phishing, fake profiles.
5   hack*
5   pirat*
5   phish*|hamecon*
5   impersonat*|usurp*
5   fake|false|fraudulent|bogus|cloned|clone|copycat|imposter|impostor|duplicate ~3 account|accounts|profile|profiles|page|pages|handle|handles|login|site|website
3   malicious|malveillant|malveillants|malveillante|malveillantes
1.5 qr code|codes
5   faux|fausse|fausses compte|comptes|profil|profils|page|pages
4   compte|comptes|profil|profils|page ~2 frauduleux|frauduleuse|faux|fake|clone|usurpe|pirate
3   clone|cloned|clones|clonage|cloning|clonee
3.5 copie|copy|replica|duplicate ~3 mien|mine|my|mon|account|compte|profile|profil
3   same|meme ~2 photo|photos|picture|name|nom|pseudo|username|handle|profile|profil|avatar
2.5 friend request|requests
2.5 demande|demandes ami|amis|amitie|connexion
2   fake|faux|fausse
-2  fake news
4   compromis*|compromised
4   scam*|arnaque*|escroc*|escroquer*|fraud*|fraude
4   malware|virus|ransomware|trojan|spyware|keylogger
4   logiciel malveillant
4   spoof*
3.5 copies|copying|copy|copied|imitat*|mimic*|copie|copient|imite ~3 our|my|mon|notre|nos|mes ~4 name|identity|nom|identite|page|account|profile|compte|profil
2   not|pas ~1 us|me|nous|moi
3.5 pretend*|masquerad*|posing
4   passer pour
4   account|accounts|profile|profiles|page|compte|comptes|profil|profils|handle ~5 my|mon name|identity|identite|nom
4   in|under|sous my|mon name|nom
2   account|accounts|profile|profiles|page|compte|comptes|profil|profils ~5 my|mon|ma|mes photo|photos|picture|pictures|image|images|face
2.5 someone|somebody|stranger|unknown|quelqu|inconnu|inconnus|person|people ~4 open|opened|create|created|made|set|registered|ouvert|cree|cre*|fait ~5 account|profile|page|compte|profil|accounts|comptes
# A password alone is a routine IT question (general); it is security when someone else has
# it, asks for it or changed it.
1.5 password|passwords|credential*|identifiant*
1.5 mot passe
3   someone|somebody|quelqu ~4 changed|change|modifie|modified ~3 password|passwords|passe|email|mail|phone|number|numero
3   two-factor
3   2fa|mfa|authenticat*|authentific*|otp
3   verification|validation code
3   code verification|validation
3   lost|lose|losing ~3 access|control
3   perdu ~3 acces|controle
3   locked out
3   taken over
3   takeover|hijack*|detourn*
3.5 suspicious|suspect|suspecte|suspects|bizarre|strange|weird|odd|unusual|inhabituel* ~4 link|links|message|messages|email|emails|mail|dm|dms|login|logins|activity|lien|liens|activite|connexion|connexions|sms
2.5 suspicious
3   clicked|click|cliqu* ~3 link|lien
3   stolen|stole|steal|vol|vole ~4 account|identity|password|compte|identite|passe|credentials|identifiants
3   identity theft
3   vol identite
3   leak*|fuite ~3 token|tokens|password|passwords|key|keys|credential*|passe|cle|cles|secret|secrets
2.5 token|tokens
3   api|ssh|private key|keys
4   computer|it|cyber|information security
4   securite informatique
4   cybersecurity|cybersecurite|cyberattack*|cyberattaque*
4   cyber-security
4   cyber-attack*
2   security|securite
2   spam|spammed|spammer|spammers|bot|bots
3   legitimate|legit|genuine|legitime|authentique
3   fee|fees|frais|crypto|cryptocurrency|bitcoin|bitcoins|gift-card|gift-cards|virement|wire-transfer
2   report|reporting|signaler|signalement ~2 it|page|account|group|profile|groupe|compte|profil
1.5 group|page|account|profile|channel|groupe|compte|profil|chaine ~2 called|named|appele|nomme|intitule
3   asking|asked|ask|asks|requesting|request|demande|demandant|reclame|exige ~4 passport|passports|passeport|bank|bancaire|bancaires|iban|card|carte|password|credentials|identifiants
2.5 claiming|claims|pretending|posing|presentant|pretend* ~3 cern|hr|rh|director|directeur|directrice|official|officiel
2   report|signaler ~3 account|profile|page|compte|profil ~3 fake|faux|fraud*|impersonat*|usurp*
1.5 posts|posted|posting|publie|publications|messages ~4 not|never|pas|jamais ~3 me|i|moi|je

# ---------------------------------------------------------------------------------------------
topic intellectual-property
# Copyright, photo rights, trademarks, licences, NDAs.
5   copyright*|copyleft
5   droit|droits auteur
5   intellectual property
5   propriete intellectuelle
5   trademark*
5   marque|marques deposee|deposees|deposes
5   nda|ndas
5   non-disclosure
5   accord|accords|clause confidentialite
5   non-divulgation
4   creative commons
4   cc-by
4   cc0
4   public domain
4   domaine public
4   fair use
4   licen*
4   royalty|royalties
4   libre|libres droit|droits
4   stock photo|photos|image|images|footage
4   banque images
4   getty|shutterstock|unsplash|pixabay|pexels|flickr|istock
3   rights|droit|droits ~3 photo|photos|picture|pictures|image|images|video|videos|music|song|footage|musique|chanson|use|reuse|utilisation|usage|utiliser|publish|publier|reproduction
-3  droit|droits image
3   credit|credits|crediter|credite|attribution|attribute|attribuer|cite|citer ~4 photo|photos|picture|image|author|photographer|source|auteur|photographe|artist|creator|illustrator|illustrateur|createur
2.5 credit|credits|attribution
3   credit|crediter|attribution|attribute ~3 someone|anyone|who|whom|photographer|author|them|him|her|quelqu|qui|auteur|photographe
2.5 cartoon|cartoons|comic|comics|webcomic|webcomics|artwork|artworks|caricature|caricatures|dessin|dessins|bd
3   illustrate|illustrating|illustrer ~4 cartoon|comic|webcomic|image|photo|drawing|dessin|artwork|picture|gif|meme|figure|video
2   famous|popular|well-known|celebre|connu|connue|connus ~4 song|painting|photo|image|cartoon|comic|film|movie|series|show|artist|chanson|tableau|serie|artiste|musique|music|character|personnage|webcomic
3.5 extrait|extraits|excerpt|excerpts|sequence|sequences ~5 documentary|documentaire|film|movie|series|serie|show|emission|book|livre|song|chanson|broadcast
2.5 integrer|embed|embedding|insert|inserer|inclure|include ~4 extrait|extraits|excerpt|excerpts|clip|clips|footage|song|music|musique|chanson|video|videos
3   register|registering|registered|deposer|depose|enregistrer ~3 name|nom|trademark|marque|domain|domaine
2.5 photographer|photographers|photographe|photographes|artist|artiste|illustrator|illustrateur|graphiste|designer|author|auteur ~5 permission|rights|credit|use|reuse|ask|autorisation|droit|droits|utiliser|reutiliser
3   re use|used|using ~4 photo|photos|picture|pictures|image|images|video|videos|article|text|texte|drawing|illustration|graphic|chart|figure|music|map|meme|content
3   reuse|reus*|reutilis*|reprendre|reproduc*|reprodu*|republi*|repost*|repris* ~4 photo|photos|picture|pictures|image|images|video|videos|article|articles|text|texte|drawing|dessin|illustration|graphic|chart|figure|infographic|music|song|map|carte|meme|cartoon|comic|content|contenu
3   found|find|trouve|trouvee|took|downloaded|telecharge|telechargee|grabbed|saved ~4 online|internet|web|google|website|site|instagram|twitter|facebook|flickr|pinterest|tiktok|linkedin
3   trouv*|telecharg*|pris|recupere ~4 internet|web|google|ligne|site|instagram|facebook|pinterest
2.5 someone|somebody|other|another ~2 else|elses|people|person|persons ~5 photo|photos|image|images|picture|pictures|content|work|video|article|contenu|oeuvre
2.5 tiers|autrui ~4 photo|photos|image|images|picture|content|work|video|article|contenu|oeuvre
3   music|song|songs|soundtrack|musique|chanson|chansons ~5 video|videos|clip|reel|post|film|background|fond|montage
4   patent*|brevet*
3   photo|photos|picture|pictures|image|images|video|videos|footage ~2 i|we ~2 took|taken|shot|made|filmed
2.5 company|companies|firm|brand|business|advert|advertisement|advertising|ad|ads|publicite|entreprise|societe|marque ~5 used|uses|using|utilise|utilisee|utilisent|reprise|repris|copied|copie ~4 photo|photos|picture|pictures|image|images|video|videos|work|oeuvre|texte|text
3   photo|photos|image|images|video|videos ~4 ai|avons prise|prises|pris|faite|faites|realisee|realise|tournee
3   still|stills|screenshot|screenshots|frame|frames|capture|scene|scenes ~4 movie|movies|film|films|series|show|episode|cartoon|anime|serie
3   permission|autorisation|rights|droits ~4 studio|studios|publisher|author|photographer|artist|owner|label|editeur|auteur|photographe|artiste|proprietaire
3   other|others|another|autres|autre ~2 speakers|speaker|authors|author|researchers|groups|orateurs|intervenants|auteurs|chercheurs ~5 slides|slide|plots|plot|figures|work|results|photos|transparents|diapositives|resultats|travaux
4   plagiar*|plagiat|plagier
3   book|books|livre|livres|scan|scanned|scanne|scannees ~4 page|pages|chapter|chapitre|figure|figures|extrait|excerpt|extraits
2   permission|autorisation ~3 use|reuse|publish|utiliser|publier|reutiliser ~4 photo|image|picture|video|article|text|work|music|map|figure|texte|oeuvre
2   owner|owners|proprietaire
2   ayant|ayants droit|droits
2.5 publisher|publishers|editeur|editeurs|journal|journals|revue ~4 permission|rights|droits|autorisation|accord|copyright
2.5 figure|figures|plot|plots|graph|graphs|diagram|diagrams|schema|schemas|illustration|illustrations ~4 paper|journal|publication|article|book|revue|livre|thesis|these|textbook
2   watermark*|filigrane
2.5 name|nom|named|call|called|appele|appelle|appeler|nommer|brand|branding ~3 cern ~5 podcast|company|startup|spin|spinoff|product|app|application|website|domain|shop|association|club|entreprise|produit|site|boutique|channel|chaine|event|business
2.5 confidential|confidentiel|confidentielle|internal|interne ~3 document|documents|agreement|contract|supplier|vendor|company|slides|drawing|drawings|plans|price|prices|prix|contrat|fournisseur|entreprise|plan|plans
2   supplier|vendor|contractor|fournisseur|prestataire|contract|contrat
2   third party|parties
1.5 tiers
2   trademark*|marque ~3 name|nom|registered|deposee

# ---------------------------------------------------------------------------------------------
topic media
# Journalists, press or interview requests.
5   journalis*
5   reporter|reporters|correspondent|correspondant|correspondante
2.5 press|presse
-2.5 press release
-2.5 communique presse
5   interview|interviews|interviewed|interviewing|interviewer
3   entretien|entrevue
-4  job|hiring|recruitment|embauche|recrutement|candidate|candidat|application|candidature ~3 interview|interviews|entretien
4   newspaper|newspapers|magazine|magazines|tabloid|journaux|quotidien|hebdomadaire|gazette
4   tv|television|televis*|radio|broadcast*
2.5 documentary|documentaire|documentaires
4   reportage|reportages|tournage
4   film|camera|documentary|tv|television crew|crews|team|teams
4   equipe tournage|television|tele|tv
2   film*|tourner|shoot|shooting|record|recording|enregistrer ~4 lab|labo|laboratory|laboratoire|experiment|experience|cavern|caverne|detector|detecteur|control|salle|site|office|bureau|workshop|atelier|tunnel|accelerator|accelerateur
3   media|medias|newsroom|outlet|outlets
-3  social media|medium
-3  medias sociaux
2   editor|editors|redaction|redacteur|redactrice|pigiste|freelance
3   quote|quoted|quoting|citer|cite ~4 me|moi|article|story|piece|newspaper|journal|paper
1.5 article|story|piece|sujet|papier ~3 about|sur ~3 cern|experiment|lab|research|work|detector|our|notre|nos|experience|recherche
4   media|press|presse|interview request|requests|inquiry|enquiry|demand
4   demande|demandes|sollicitation interview|presse|media|medias|journaliste|entretien
3   on record
3   off record
4   press office|officer|relations|officers
4   bureau|service|relations|attache|attachee presse
4   media relations
4   relations medias
2.5 programme|program|programmes|show|emission|series|serie ~3 science|tv|radio|television|documentary|documentaire|scientifique|scientific
2.5 bbc|rts|arte|cnn|nhk|zdf|ard|rai|srf|rsi|swissinfo|afp|reuters|keystone-ats
3   journal|journaux|newspaper|magazine|radio|tv|television|chaine|paper ~4 called|call|calling|phoned|rang|appele|appelle|appel|contacte|contacted|telephone
2   avis|opinion|comment|commentaire|reaction|statement ~3 incident|accident|event|evenement|panne|fuite|affaire|breakdown
3   feature|features ~2 article|story|piece|reportage
2.5 talk|talked|talking|speak|spoke|spoken|parler|parle ~3 press|media|medias|presse|journalists|journalistes|reporters
2   writer|writers
3   producer|producers|productrice|producteur|filmmaker|filmmakers|realisateur|realisatrice
3   film-maker
1.5 podcast|podcasts|youtuber|youtubers|influencer|influencers|blogger|bloggers|vlogger|influenceur|influenceuse|blogueur|blogueuse
2   deadline|embargo*|exclusive|exclusif|exclusivite|scoop
3   contacted|approached|contacte|contactee|sollicite|solicited|asked|emailed ~4 journalis*|reporter|press|presse|newspaper|tv|radio|magazine|media|medias|television|broadcaster
2   comment|comments|reaction|react|statement|declaration|commenter ~4 journalis*|press|reporter|newspaper|media|presse

# ---------------------------------------------------------------------------------------------
topic conduct
# Online harassment, abusive comments, conflicts, the Code of Conduct.
5   harass*|harcel*
5   bully|bullied|bullying|bullies|cyberbull*|cyberharcel*
4   intimidat*|intimid*
4   troll*
4   abus*
4   insult*|injur*|offens*|slur|slurs
3   nasty|rude|hostile|aggressive|agressif|agressive|aggressi*|agressi*|hateful|hate|haine|haineux|haineuse|haineuses|vulgar|vulgaire|vulgaires|obscene|toxic|toxique|toxiques|mechant|mechants|mechante|mechantes|blessant|blessants|blessante|blessantes|desobligeant*|grossier|grossiers|grossiere|grossieres|abject
3   threat|threats|threaten*|menac*
3   inappropriate|inapproprie|inappropries|inappropriee|inappropriees|unacceptable|inacceptable|disrespectful|irrespectueu*|humiliat*|humili*|demean*|degrading|degradant*|denigr*|mock|mocks|mocking|mocked|ridicul*|moqu*
4   sexist*|racist*|homophob*|transphob*|misogyn*|discriminat*|discrimin*|sexual|sexuel|sexuelle
4   hate speech
4   discours haineux
4   propos deplaces|injurieux|haineux|offensants|insultants|blessants
5   code conduct
5   code conduite
2   conduct|conduite|behaviour|behavior|comportement|comportements
5   ombud*|mediator|mediateur|mediatrice|mediation
3   conflict*|conflit*|dispute|disputes|quarrel|quarrels|feud|disagreement|disagreements|desaccord|desaccords|altercation|clash|clashes
2   argument|arguments|fight|fighting
1.5 comment|comments|commentaire|commentaires|reply|replies|reponse|reponses|message|messages|dm|dms ~3 under|sous|on|sur|my|mes|mon ~2 post|posts|publication|publications|photo|photos|video|videos|tweet|tweets
2.5 keep|keeps|kept|continue|continues|repeatedly|constamment|cesse|encore|arrete ~3 post|posting|comment|commenting|writ*|messag*|tag*|send*|sending|insult*|attack*|mention*|publi*|comment*|ecri*|envoi*
3   attack*|attaqu*|target*|cible* ~3 me|moi|personally|personnellement|colleague|collegue|online|comments|commentaires|ligne
2   criticis*|criticiz*|critique*|critiqu*|critic|critics|debate|debates|debat|debats|polemi*|controvers*|backlash|shitstorm|flame
2.5 pile-on
2   block|blocked|bloquer|ban|banned|bannir|mute|muted|report|reported|signaler ~3 user|users|person|someone|him|her|them|colleague|collegue|commenter|commenters|follower|followers|utilisateur|personne|quelqu|troll*
3   well-being
3   wellbeing
3   bien-etre
2   respect|respectful|respectueux ~3 colleague|colleagues|others|people|collegue|collegues|autrui|autres
3   defam*|diffam*|slander*|libel|calomni*
2   colleague|colleagues|collegue|collegues|boss|supervisor|superieur|chef ~5 nasty|rude|insult*|mock*|moqu*|attack*|attaqu*|comment|comments|commentaire|commentaires
2   upsetting|upset|hurtful|offended|blesse|blessee|choque|choquee|shocked
3   idiot|idiots|imbecile|imbeciles|cretin|cretins|incapable|incapables|incompetent|incompetents|stupid|stupide|stupides|moron|morons|loser|losers|clown|clowns|pathetic|pathetique|minable|minables|nul|nuls|nulle
2   honte|shame|disgrace|shameful|honteux|honteuse
3   sarcas*|belittl*|condescend*|patronising|patronizing|meprisant*|condescendant*
2.5 bad|toxic|tense|hostile|poisonous|mauvaise|mauvais|tendu|tendue|delete|toxique atmosphere|ambiance|climate|climat|environment
2   memes|meme|jokes|joke|blagues|blague|moqueries ~5 colleague|colleagues|boss|manager|leader|supervisor|team|collegue|collegues|chef|equipe|responsable

# ---------------------------------------------------------------------------------------------
topic general
# Questions the social-media team answers itself. These cues only help when nothing specific
# stands out; routine IT questions (a forgotten password) are not the security team's.
4   forgot|forgotten|reset|expired|expire|renew|oublie|reinitialis*|renouvel* ~3 password|passwords|passe
2   best time
2   hashtag|hashtags|followers|abonnes|engagement|audience|analytics|statistics|statistiques|algorithm|algorithme|visibility|visibilite|tips|conseils|astuces|reach
2   best|bonnes practice|practices|pratiques
2   jargon|acronym*|acronyme*|simplif*|vulgaris*|readable|lisible|understandable|comprehensible
2   too|trop technical|technique|long|complicated|complique|complex|complexe
2   share|promote|advertise|repost|retweet|relay|partager|promouvoir|relayer|diffuser ~4 event|events|seminar|seminars|conference|lecture|workshop|outreach|exhibition|concert|course|evenement|evenements|seminaire|atelier|journee|exposition
2   how|combien ~2 often|many|souvent ~4 post|posts|publier|publications
2   overpost*|frequency|frequence
2   fact|facts ~2 check|checking|checked|verify|verifier|verification
2   fake news
2   misinformation|desinformation|rumour|rumor|rumours|rumors|rumeur|rumeurs
2   source|sources ~3 link|lien|cite|citer|claim|claims|add|ajouter
2   endorse*|endorsement|sponsor*|advertis*|publicite|recommend*|recommand*|promote|promouvoir ~4 product|products|company|companies|service|services|startup|shop|restaurant|produit|produits|entreprise|entreprises|societe|boutique|commerce|brand|marque
1.5 paste|pasted|coller|colle|copy|copied|copier|copie ~4 article|text|texte|page|post|news|actualite
1.5 review|proofread|feedback|relire|relecture|avis|look ~3 draft|brouillon|text|texte|post|publication
1.5 balance|equilibre ~3 work|travail|life|vie|time|temps
"""#
}

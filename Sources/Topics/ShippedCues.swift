/// The topic cues heed ships with, in the cue format (see `CueBook`). Data, not code: edit the
/// text, not the classifier. It is a string literal rather than a bundled resource so that heed
/// needs no file at run time; an administrator can start their own file from
/// `TopicClassifier.shippedCues`.
///
/// Written from the guidelines and the spec's topic table, in English and French; none of it is
/// taken from the labelled corpus. It was broadened against heed's own held-out questions
/// (`Tests/TopicsTests/Heldout`) by word families and phrase patterns, not by single examples.
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
# A reply's or forward's subject names the earlier thread; the body says what is asked now.
set reply-subject-weight 0.5
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
4   graphic|graphique|graphiques|design|visual|visuel|visuelle charter|guidelines|identity|chart|rules|regles|standards|normes
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

# The visual identity beyond the word logo: colour codes, fonts, house style, crests, and the
# printed, worn or displayed things a logo goes on.
3   code|codes couleur|couleurs|colour|color|colours|colors
3   police|polices caracteres|ecriture
1.5 font|fonts|typeface|typefaces|typographie
3   house style
3   style maison
2.5 ecusson|ecussons|blason|blasons|crest|crests
2.5 sigle|sigles cern
2.5 roll-up|rollup|roll-ups|kakemono|kakemonos|beach-flag|banderole|banderoles
3   look-and-feel
2.5 align|aligner|match|matching|follow|suivre|respect|respecter ~4 cern ~3 style|identity|identite|look|design|charte|branding|colours|colors|couleurs
2.5 symbol|symbole|bandeau|banner|header|icon|icone|icons|watermark ~3 cern|logo
2.5 title|cover slide|slides|page|diapositive
2   lanyard|lanyards|certificate|certificates|certificat|certificats|diploma|diplomas|diplome|diplomes ~4 cern|logo|emblem|emblem*|printed|imprimes
2.5 tattoo|tatouage|tatouer|vehicle|vehicule|camionnette|voiture ~4 logo|emblem*|cern
# Redrawing, recolouring or distorting the mark is a visual-identity question.
3   draw|redraw|redessiner|dessiner|recreate|recreer|redo|refaire|alter|stretch|distort|deformer|recolour|recolor|invert|inverser|animate|animer ~4 logo|logos|emblem*|shield|roundel|wordmark
3   cern shield|shields|crest|roundel
# ---------------------------------------------------------------------------------------------
topic official
# Speaking officially, official accounts, authorisation to post for the organisation.
4   behalf
4   au nom cern|experience|organisation|departement|groupe|collaboration|laboratoire|service|equipe
# `au nom` alone is also an account opened in someone's name (impersonation).
1   au nom
3.5 speak|talk|comment|answer|respond|reply|write|tweet|post|act for cern|organisation|organization|experiment|department|collaboration|laboratory|lab|institution
3   parler|exprimer|repondre|publier|communiquer ~5 nom|part ~5 cern|organisation|experience|departement|collaboration|laboratoire
3   represent*|spokesperson|spokesman|spokeswoman
3   porte-parole
2.5 official*|officiel*
3   official*|officiel* ~3 account|accounts|channel|page|handle|position|statement|stance|view|views|capacity|voice|compte|comptes|chaine|position|declaration|voix|nom
3   department|departmental|group|experiment|team|section|unit|collaboration|project|institutional|corporate|laboratory|lab account|accounts|page|pages|channel|channels|handle|profile|feed
3   department|departmental|group|experiment|team|section|unit|collaboration|project|institutional|corporate|laboratory|lab instagram|twitter|x|facebook|linkedin|youtube|tiktok|mastodon|bluesky|official account|accounts|page|pages|channel|channels|handle|profile|feed
3   compte|comptes|page|chaine|profil ~3 institutionnel*|departement|experience|groupe|service|equipe|collaboration|section|unite|projet|laboratoire
# Authorisation alone is asked for everything; the official cues say for what.
2   authoris*|authoriz*|autoris*
2   approv*|approuv*|validat*|valider|valide
2   who|qui ~3 approv*|validat*|valide|valider|authoris*|authoriz*|autoris*|decide*|decid*|manage*|runs|gere|gerer|responsible|responsable
2   permission ~3 post|publish|speak|tweet|announce|comment|publier|parler|annoncer
1   personal capacity
1   titre personnel|prive
1   views|opinions|opinion|avis ~3 own|personnel|personnels|personnelle|perso|personal
3   disclaimer*
2.5 avertissement|clause ~3 responsabilite
1.5 personal|private|own account|accounts|profile|page|feed
1.5 compte|comptes|profil ~2 personnel|perso|prive
2   admin|administrator|administrators|moderator|moderators|manage|managing|run|running|gerer|gere|administ*|moderer ~3 account|accounts|page|pages|channel|compte|comptes|chaine
2.5 open|create|start|launch|set|ouvrir|creer|lancer ~3 our|notre|department|experiment|group|team|project|departement|groupe|equipe|projet ~3 account|page|channel|compte|chaine|profil
2   position ~3 cern|organisation|organization|laboratory|laboratoire
3   reflect|reflects|represent*|engage|engagent|refletent|reflete ~4 position|positions|views|opinion|opinions|stance|organization|organisation|cern|employer|employeur
2.5 mention|mentioning|say|saying|state|stating|write|writing|list|put|show|mentionner|dire|preciser|precisant|indiquer|indique|ecrire|mettre|afficher ~4 work|working|employed|travaille|employe|employee ~5 cern
2   correct|correcting|rectify|corriger|rectifier ~4 facts|errors|mistakes|misinformation|erreurs|faits|inexactitudes
2   bio|biography|biographie|headline ~7 cern|job|employer|work|title|role|position|poste|emploi|travail|employeur
2.5 press release|releases
2.5 communique presse|officiel
2.5 communications|communication group|team|office|department|service
2.5 groupe|service|equipe communication|communications
2   statement|declaration|announce|announcement|annonce|annoncer ~4 cern|behalf|institution|organisation
2   endorse|endorsed|cautionn* ~3 cern|organisation|organization
3   criticism|criticisms|critique|critiques|attack|attacks|attaque|attaques|accusation|accusations|rebuttal|refute|defend|defendre ~4 cern|organization|organisation|laboratory|laboratoire
2.5 organization|organisation|cern itself|lui-meme|elle-meme
4   as ~2 cern ~2 physicist|scientist|employee|staff|member|engineer|researcher|fellow|representative
4   en-tant-que ~3 physicien|physicienne|scientifique|employe|employee|ingenieur|ingenieure|chercheur|chercheuse|membre|representant ~5 cern

# Accounts and posts in the organisation's name, who approves or runs them, what a profile,
# bio or signature implies, speaking as a member of the personnel.
4   in|under cern|organisation|organization|lab|laboratory|experiment|collaboration name
4   in name cern|organisation|organization|lab|laboratory|experiment|collaboration
2   department|departmental|experiment|collaboration|departement|experience|section|unit|unite ~6 instagram|twitter|facebook|linkedin|youtube|tiktok|mastodon|bluesky
# A Facebook or WhatsApp group is a community, not an account of the organisation.
-2  facebook|whatsapp|linkedin|telegram|signal|messenger group|groups
-2  groupe|groupes facebook|whatsapp|linkedin|telegram|signal|messenger
1.5 own instagram|twitter|facebook|linkedin|youtube|tiktok|mastodon|bluesky|channel|chaine
2   who|qui ~4 look-after|occupe|occuper|charge
1.5 my|mes opinions|views|positions
3   preciser|indiquer|mentionner|ecrire|dire|say|state|mention|write|add|ajouter|clarify ~8 engage|engagent|reflect|reflects|represent|represents
2.5 verified|blue ~2 badge|check|tick|checkmark|coche
1.5 come|comes|venir|vienne ~4 cern|lab|laboratory|organisation|organization|communications|experiment|laboratoire|experience
3   organization|organisation|institution|institutional|official channels|channel|accounts|account|chaines|comptes|canaux|reseaux
2.5 go-ahead|green-light|feu-vert|clearance|sign-off|approval|approbation
2.5 ajouter|add|preciser|indiquer|mention|mentionner|state|say|write|ecrire ~6 personal|personnelles|personnels|personnelle|own|propres|perso
3   employer|employeur|employers ~4 mention|mentioning|mentionner|name|naming|nommer|citer|cite|indicate|indiquer|avoid|eviter|hide|cacher|state|dire
2.5 sign|signer|signe|signing|title|titre|job-title ~3 as|comme|en-tant-que ~2 cern|official|officiel
3   naming convention|conventions
3   convention|conventions|regle|regles nommage|nom|noms|naming
3   rattache|rattaches|rattachee|attached|linked|affiliated|affilie|affilies|connected ~4 official|officiel|officiels|officielle|cern|accounts|comptes
2.5 who|qui ~3 should|must|doit|doivent|peut|can|may ~3 answer|respond|reply|repondre|speak|parler|post|publier|comment|commenter|tweet|announce|annoncer
3   before|avant ~4 official|officiel|officielle|communique|press-release|announcement|annonce|collaboration
2   political|politiques|politique|politics ~4 retweet*|tweet*|messages|statements|statement|positions|prise|views|opinions|content|contenus
2.5 condolence*|condoleance*|tribute|hommage|obituary|nécrologie|necrologie
2   answer|respond|reply|repondre|react|reagir|comment ~3 officially|officiellement|official|officielle
# Handing an account over, and whether a topic is for the organisation to speak on: what
# the organisation thinks, a position taken, a correction, channels of the organisation.
2.5 reprend|reprends|reprendre|reprise|passation|handover|hand-over|successor|successeur|successeure ~5 compte|comptes|page|pages|chaine|gestion|administration|account|accounts|channel|instagram|twitter|facebook|linkedin|youtube|tiktok|mastodon|bluesky
2   gerait|geraient|gerais|geree|gerees|administrait|animait|ran|managed ~4 compte|comptes|page|chaine|account|channel|instagram|twitter|facebook|linkedin|youtube|tiktok|mastodon|bluesky
2.5 cern|organisation|organization|laboratoire|laboratory ~3 communicate|communiquer|communicating|respond|repondre|answer|reply|thinks|think|pense|pensent
2   publicly|publiquement|openly ~3 explain|answer|respond|reply|repondre|expliquer|comment|commenter|speak|parler
2.5 prise|prises|taking|take position|positions|stance|stand
2   passer|go|goes|going ~2 par|through ~3 service|groupe|communication|communications|presse|press
2.5 view|views|position|positions|stance|opinion|avis|voix|voice ~3 cern|organisation|organization|laboratoire|laboratory
2.5 ajouter|add|adding|mettre ~3 mention|disclaimer|note|avertissement|precision
2   procedure|procedures|process|demarche|demarches ~5 approv*|approuv*|valid*|autoris*|authoris*|authoriz*|page|account|compte|chaine|channel
2.5 cern|organisation|organization ~3 channels|accounts|pages|comptes|chaines|canaux
2.5 main|central|principal|principaux|principales|flagship|corporate ~2 channels|accounts|account|channel|comptes|compte|chaines|pages|page
# Starting or handing over a channel in a collaboration's name, who signs it off, answering
# activists and politicians, leaving a reply to the organisation.
2.5 open|create|start|launch|set|ouvrir|creer|lancer ~3 collaboration|collaborations|service|section|unit|lab|laboratoire|unite ~3 account|page|channel|compte|chaine|profil
2.5 sign|signs|signed|signing ~2 off
3   leave|laisser|leaving ~3 reply|answer|response|reponse|responding|answering ~3 cern|organisation|organization|communications|press|presse
2   answer|reply|respond|repondre|react|reagir ~4 activist|activists|activiste|militant|militante|militants|politician|politicians|politicien|minister|ministre|depute|deputee|mayor|maire|elu|elue|conseillere|conseiller
2   answer|reply|respond|repondre ~3 facts|faits
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
2.5 photo|photos|picture|pictures|video|videos|image|images|footage|film|selfie ~6 people|person|persons|colleague|colleagues|everyone|everybody|participants|attendees|visitors|children|kids|students|staff|personnes|collegue|collegues|participants|visiteurs|enfants|etudiants|gens|monde|tous|eleves|pupils|schoolchildren|ecoliers|families|familles|parents|babies|baby|bebe|bebes
3   group photo|picture|shot|selfie
3   photo|photos|image|images groupe
3   blur*|pixelat*|flout*|anonymi*|anonymis*
3   recognis*|recogniz*|identifiable|reconnai*
2.5 tag|tagged|tagging|identifier|identifie ~4 photo|picture|post|image|video|publication
3.5 remov*|delet*|retir*|supprim*|enlev*|effac*|disparai*|disappear* ~5 photo|photos|picture|pictures|image|images|video|videos|name|address|number|nom|adresse|numero|details
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
3   private|privee|prive|offline ~3 conversation|conversations|discussion|discussions|chat|chats|email|emails|meeting|reunion
1   private|privee|prive ~2 message|messages
2   screenshot|screenshots|capture ~5 conversation|chat|message|messages|private|prive|email|mail|discussion
2   profile|profil|account|compte ~3 settings|parametres|reglages|visible|public|visibility|visibilite
3   parametres|reglages confidentialite
3   with|avec ~2 their|his|her|leur|leurs|son|sa|ses name|names|nom|noms|email|emails|address|addresses|adresse|adresses|number|numbers|numero|numeros|age|ages|nationality|nationalite|birthday|religion|salary|salaire
2.5 their|leurs emails|email|addresses|adresses|numeros|numbers|courriels|telephones|phones
3   list|liste ~3 participants|attendees|members|names|emails|membres|inscrits|noms|employees|staff|students|etudiants|admis|laureats|winners|candidates|candidats|children|enfants|volunteers|benevoles
3   personal|personnel|personnelle|private|prive|privee ~3 details|information|life|vie|photos|pictures|address|numero|adresse
# Stalking is harassment: see conduct.
3   colleague|colleagues|people|person|persons|visitors|children|kids|collegue|collegues|personnes|gens|enfants|participants|eleves|pupils|families|familles ~4 appear|appears|appearing|visible|recognisable|recognizable|apparaissent|apparait|figurent|visibles|reconnai*
3   on voit|distingue|reconnait ~4 eleves|enfants|personnes|gens|visages|collegues|participants|familles|visiteurs
3   donne|donner|given|gave|obtenu|obtained|signe|signed ~3 accord|consentement|consent
3   asked|ask|asks|demande ~3 not|pas|ne ~3 publish|post|share|publier|partager|poster|diffuser
3   names*|prenoms|first-names|surnames|noms|emails|e-mails|addresses|adresses ~4 respondents|participants|people|colleagues|students|users|visitors|staff|collegues|personnes|utilisateurs|etudiants|employees|employes|volunteers|benevoles|attendees|interns|stagiaires|guests|invites|members|membres|speakers|orateurs|children|enfants
2.5 survey|surveys|sondage|sondages|questionnaire|questionnaires|enquete ~4 results|answers|responses|respondents|data|resultats|reponses|donnees|quotes
2   passport|passports|passeport|passeports
3   id|identity|identite|avs|insurance|assurance|badge|access ~2 number|numbers|numero|numeros|card|cards|carte|cartes|document|documents
2.5 badge|badges ~4 photo|picture|number|visible|online|posted|numero|publie
3   where|ou ~3 live|lives|living|habite|habitent|habitons|reside|resides|vit|vivent
2.5 my|his|her|their|mon|son|sa|leur street|house|home|flat|apartment|address|rue|maison|domicile|appartement|adresse
2   live|lives|habite|habitent ~3 street|road|avenue|rue|chemin|route|impasse
1.5 habite|habitent|domicilie|domiciliee

# People in pictures and recordings, consent, personal details and personal life, removal
# requests.
2   adresse|adresses email|e-mail|mail|electronique|electroniques|courriel
2   email|e-mail address|addresses
3   team|class|staff|equipe|classe photo|photos|picture|pictures
3   photo|photos equipe|classe
2   appear|appearing|apparaitre|apparaissent|apparait|figurer|figurent ~5 photo|photos|picture|pictures|video|videos|image|images
2.5 not|don|doesn|pas|ne|refuse|refusent|refuses ~4 appear|apparaitre|figurer|photographed|filmed|photographie|photographies|filme|filmes|pictured
# A name with a photo or an address is personal data; as a cue on its own it is weak, since an
# impersonation or a photo credit says the same.
2   name|nom|names|noms ~4 photo|photos|picture|pictures|address|adresse|phone|telephone|numero|number|email|birthday|age|nationality|nationalite
3   office|bureau|desk|colleague|colleagues|mates|collegues|people|personnes ~5 camera|webcam|background|arriere-plan|filmed|filmes|visible|visibles|recorded|enregistres
2.5 sick|sickness|maladie|illness|pregnancy|pregnant|enceinte|grossesse|diagnosis|diagnostic|hospital|hopital|hospitalise|hospitalised|hospitalized
1.5 naming|name|nommer|nomme|mention|mentionner ~2 him|her|them|colleague|collegue|lui|leur
2   haven|not|pas ~3 asked|asking|demande|prevenu|prevenues|prevenus|informed|told
2   party|fete|soiree|apero|celebration|barbecue|bbq|dinner|diner ~5 photo|photos|picture|pictures|video|videos
2.5 stream|streaming|livestream|livestreaming ~5 office|bureau|colleagues|collegues|people|personnes|meeting|reunion
# `fils*`: the stem of fils (son) is fil (thread), so the son is matched as a prefix.
2.5 my|mon|ma|mes son|sons|daughter|daughters|fils*|fille|filles|kid|kids|child|children|enfant|enfants|husband|wife|baby|bebe|family|famille
2   wedding|weddings|married|mariag*|funeral|funerals|obseques|enterrement
2.5 prefer|prefere|preferer|preferais|preferais|preferrerais|rather ~4 not|pas|ne|retire|retiree|removed|remove|deleted|supprimee|offline
2.5 oralement|verbally|orally|oral|verbal|written|par-ecrit ~4 autoris*|accord|consent|agreed|permission
2.5 autoris*|allowed|agreed|accepte|acceptee ~4 photo|photographier|filmer|photograph|film|picture|filmed|photographiee
2.5 tag|tagging|taguer|tagger|identifier ~4 everyone|people|colleagues|tous|collegues|them|participants|tout-le-monde
3   readable|lisible|lisibles|legible ~4 name|names|nom|noms|badge|badges|number|numero|numbers|numeros|address|adresse
2   operators|operateurs|visitors|visiteurs|guests|invites ~4 visible|recognisable|recognizable|identifiable|faces|visages|reconnaissables
2.5 spreadsheet|spreadsheets|tableur|tableau|excel|list|liste ~5 numbers|numeros|addresses|adresses|emails|phone|telephone|names|noms|birthdays
# A profile picture is an object, not people in a photo.
-2  profile|profil picture|photo|pic|pictures|photos
-2  photo|photos profil
2.5 album|albums ~5 everyone|everybody|people|colleagues|tous|gens|collegues|participants|monde
1   public|publique|publicly|publiquement ~3 album|photos|pictures
2.5 her|his|their|sa|leur story|histoire|background|parcours|life|vie|past
2.5 confided|confidences
2.5 in|en confidence
2   remov*|delet*|retir*|supprim*|efface* ~2 me|moi|myself
3   form|forms|formulaire|formulaires|waiver|waivers ~4 sign|signer|signed|signe|consent|consentement|autorisation|participants|release
# Colleagues' health and what happened to them, people who would rather stay out of view,
# addresses and numbers seen in pictures, asking to have something taken offline.
2.5 surgery|chirurgie|operation|operated|opere|operee|recovering|recovery|retablissement|convalescence|cancer|burnout|burn-out|injury|injured|maternite|maternity|paternite|paternity|deuil|bereavement
2   happened|arrive|arrivee ~2 him|her|them|lui|leur
2.5 private|discrete|discret|reserved|reservee|timide|shy ~2 person|personne|man|woman|homme|femme
2.5 ask|asking|demander|demande ~2 him|her|them|lui|leur|elle|il ~3 first|before|avant|permission|accord|consent
3   like|want|voudrais|aimerais|souhaite|souhaiterais|wish ~3 removed|deleted|taken-down|retire|retiree|retirees|retires|supprime|supprimee|supprimees|efface|effacee|offline
3   request|requesting|demander|demande ~3 removal|suppression|retrait|deletion|effacement
3   take|taken ~1 down
3   numero|number|numbers|numeros ~3 rue|street|maison|house|domicile|immeuble|plaque|plate
3   voit|visible|visibles|readable|lisible|distingue|seen ~4 numero|adresse|rue|plaque|address|number|street|plate|immatriculation
2.5 told|confided|confie|raconte|shared|partage ~3 me|moi ~4 about|background|story|parcours|histoire|situation|life|vie|sante|health
2.5 flout*|blur* ~3 me|moi|face|visage|faces|visages|them
# Marks, scores and rankings next to names.
3   names|noms|name|nom ~4 scores|grades|marks|notes|results|resultats|ranking|rankings|classement|salaries|salaires
2.5 their|leurs|leur scores|grades|marks|notes|results|resultats|salaries|salaires|ages
# Directories and phone numbers, filming the audience, their consent.
3   annuaire|annuaires|directory|phonebook|trombinoscope
2.5 numeros|numbers|numero|number ~4 telephone|phone|portable|mobile|bureau|office
2.5 film|filmer|filming|record|enregistrer|photograph|photographier ~3 personnes|gens|public|people|audience|spectateurs|participants
3   leur|their accord|consent|consentement|permission|autorisation
# ---------------------------------------------------------------------------------------------
topic security
# Hacked or impersonated accounts, phishing, fake profiles.
# Not `hack*`: a hackathon is not an attack.
5   hack|hacks|hacked|hacker|hackers|hacking|hackeur|hackeurs
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
# French même folds to meme: the same photo or name only when the words follow each other.
3   same photo|photos|picture|name|pseudo|username|handle|profile|avatar
3   meme photo|photos|nom|pseudo|profil|avatar
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
2   not|pas ~1 me|moi
3   not|pas ~1 us|nous
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
4   two-factor
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

# Account takeover, impersonation ("not ours", "none of us created it"), phishing and scams
# (links asking to log in, codes, payments, gift cards). `mot-de-passe` rather than `passe`,
# which is also passé.
4   two-step|2-step|2fa|mfa
4   double authentification|verification|validation
4   deux etapes|facteurs
2.5 share|shared|sharing|partag* ~4 login|logins|password|passwords|credentials|identifiants|mot-de-passe
2.5 looks|look|ressemble|ressemblent exactly|exactement|just|identical|trait
2.5 identical|identique|imite|imitates|mimics|imitating ~5 our|ours|notre|nos|mine|mon|ma|my|cern|billetterie|ticketing|website
2.5 not|pas|isn|aren|wasn ~2 ours|mine|notre|mienne|mien
3   asking|asks|ask|demande|demandent|reclame|collecting|collecte ~4 money|donations|donation|dons|argent|payment|paiement|paiements
3   card|bank|credit-card|iban details|number|numbers|information|info
3   coordonnees|donnees|informations bancaires
3   send|give|provide|enter|type|envoyer|donner|fournir|saisir|entrer|taper ~3 card|bank|bancaires|iban|password|credentials|identifiants|mot-de-passe|login|code|codes
2.5 giveaway|giveaways|concours|lottery|loterie|sweepstake|tirage ~6 account|page|profile|compte|profil|card|details|identifiants|mot-de-passe|password|pay|payer
3   calling|calls|call itself|himself|herself|themselves
3.5 se presente|presentant|presentent comme
3   lien|link|links|liens ~6 password|mot-de-passe|login|identifiants|credentials|connecter|log-in|sign-in
4   logged|log|logging|connexion|connecte|login|sign-in|logins ~6 another|unknown|strange|unusual|inconnu|inconnue|inhabituel|inhabituelle|country|pays|device|appareil|location|ip
3   alert|alerte|notification|warning|warned|averti ~5 login|logged|log|connexion|sign-in|connecte
3   someone|somebody|quelqu ~3 logged|accessed|connecte
4   account|compte|comptes|accounts|profile|profil ~3 hijack*|detourne|stolen|vole|taken-over|takeover|took-over
3   locked out
3   locked-out
3   suspicious|suspect|suspecte|douteux|douteuse|weird|strange|bizarre|odd ~3 link|links|lien|liens|message|messages|email|login|connexion|activity|activite|file|fichier|attachment
3   fichier|file|attachment|attachments|piece-jointe ~5 inconnu|unknown|stranger|suspect|suspicious|douteux|opened|ouvert|clicked|clique
3   verification|sms|security|login|one-time code|codes
3   code|codes ~3 verification|sms|received|recu|texto
3   voucher|vouchers|gift-card|gift-cards|carte-cadeau|cartes-cadeaux|bons-achat
3   urgent|urgently|urgence|urgemment ~4 buy|pay|transfer|acheter|payer|virement|payment|paiement
3   identity theft
3   vol identite|identites
3.5 aucun|none|nobody|no-one|noone ~4 us|nous|created|cree|creee|opened|ouvert
3.5 account|compte|profile|profil ~4 publie|posts|posting|posted|sends|sending|envoie|shares|partage ~5 ads|adverts|advertisements|spam|publicites|pub|pubs|promotions|crypto|links|liens
3   verify|confirm|verifier|confirmer|valider ~4 link|lien|clicking|cliquant|account|compte|identity|identite
2   will|sera|va ~3 deleted|suspended|blocked|closed|disabled|supprime|suspendu|bloque|desactive|ferme
2.5 billets|tickets|entrees ~4 payants|paying|paid|sells|selling|vend|vendent|sold|vendus
2.5 account|compte|page|profil ~8 appeared|apparu|apparue|popped|surfaced|showed
4   secure|securiser|securise|proteger|protect ~3 account|accounts|compte|comptes|profile|profil|page
3   access|acces|login|logins|password|mot-de-passe ~4 still|encore|revoke|retirer|remove|former|ancien|ancienne|left|parti
3   lost|perdu|perdue|stolen|vole|volee ~3 phone|telephone|portable|laptop|ordinateur|device|appareil|tablet|tablette
3   trading|forex|cryptomonnaie*
3   investissement|investissements|investment|investments ~4 propose|proposer|offer|offers|offering|promises|promet|returns|rendement|rendements|crypto|gagner|earn
2   pay|payer|paid|payant|payants|payante|payantes ~4 training|formation|internship|internships|stage|stages|application|candidature|fee|frais|visa|recruitment|recrutement
3   meta|instagram|facebook|linkedin|twitter|tiktok|youtube support|assistance|security|securite
2   appeal|viole|violates|violation|violated|infringes ~4 page|account|compte|profil|rules|regles|policy|policies|terms|conditions
2.5 click|clicking|cliquer|cliquez|clique ~4 appeal|appel|verify|verifier|login|connecter
3   desactive|desactivee|deactivated|disabled|suspended|suspendu|suspendue|bloque|bloquee|locked ~5 account|compte|profile|profil|page
2   password|mot-de-passe|passwords ~4 changed|modifie|modified
2   didn|never|jamais ~3 request|requested|demande|demandes|wrote|written|sent|posted|envoye|ecrit|ecrites|publie|published
3   job|jobs|emploi|offre|offer|offers|poste|recruitment|recrutement|internship|internships|stage|stages ~5 fake|faux|fausse|fausses|scam|arnaque|fraud*|fee|frais
3.5 uses|using|used|utilise|utilisent|steals|stole|vole|stealing ~5 my|mon|ma|mes name|nom|identity|identite
3.5 unless|sauf|otherwise|sinon ~5 log|login|connect|connecter|verify|verifier|click|cliquer|confirm|confirmer|pay|payer
3.5 anymore|longer ~4 log|login|connect|access
3.5 plus ~2 connecter|acceder|acces
2   payer|charge|charges|charging|payant|payantes ~4 visits|visites|tours|tickets|billets|entree|entrees
# Phishing for login details, offers of verification, accounts messaging people with offers.
3   login|logins|password|passwords|identifiants|mot-de-passe|credentials|connexion ~2 details|information|infos|data|donnees
2.5 offer|offering|offers|propose|proposant ~4 verification|verified|badge|blue-tick|certification|certifie
2   messaging|contacting|contacte|contactent|ecrit|writes|dming ~3 people|students|etudiants|gens|personnes|users|strangers|utilisateurs
3   lost|stolen|perdu|vole ~3 phone|telephone|portable|laptop|ordinateur|device|appareil
# Pages renamed or roles lost, confirming logins, messages that threaten deletion within a
# deadline, unknown USB sticks, apps asking for full access.
3   renamed|renomme|renommee|rebaptise|rebaptisee ~4 page|account|compte|profil|channel|chaine|group|groupe
3   find|see|trouve|vois|retrouve|voir ~3 admin|administrator|administrateur|role|access|acces|rights ~3 anymore|longer|plus
3   confirm|verify|confirmer|verifier|valider ~4 login|logins|password|identifiants|mot-de-passe|credentials|account|compte
3   looks|look|seems|semble ~2 off|fishy|dodgy|louche|shady|phishy
2   would|serait|seraient|sera ~3 deleted|suspended|blocked|closed|disabled|supprime|supprimee|suspendu|bloque|desactive|ferme
2.5 within|sous|under|dans ~2 24|48|72|hours|heures|jours|days
2.5 message|messages|email|mail|sms|notification|courriel ~4 saying|claiming|says|claims|disant|indiquant|pretendant|affirmant ~4 account|compte|profil|page|profile
4   cle|clef|stick|key|drive|thumb-drive ~1 usb
3   access|acces ~3 full|complet|complete|total|totale|entire|entier ~5 page|account|compte|messages|profile|profil|inbox
2.5 app|apps|application|applications|outil|tool|tools|third-party|tierce|tiers ~5 access|acces|permissions|autorisations
# Sessions left open, lures like "a video of you", not clicking, control of a page taken.
3   forgot|forgotten|oublie|oublier ~3 log|logout|deconnecter|sign
3   still ~2 logged|connected|connecte|connectee
3   video|photo|photos|pictures ~2 toi|you
3   pas|not|didn|haven ~2 clique|cliquer|clicked|click
4   pris|prise|took|taken|prend ~2 controle|control
2.5 droits|rights|role|roles ~2 administration|admin|administrateur|administrator
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
3.5 extrait|extraits|excerpt|excerpts|sequence|sequences|clip|clips ~5 documentary|documentaire|film|movie|series|serie|show|emission|book|livre|song|chanson|broadcast|tv|television|episode|sitcom
2.5 integrer|integrant|integre|embed|embedding|embedded|insert|inserer|inclure|include ~4 animation|animations|extrait|extraits|excerpt|excerpts|clip|clips|footage|song|music|musique|chanson|video|videos
3   register|registering|registered|deposer|depose|enregistrer ~3 name|nom|trademark|marque|domain|domaine
2.5 photographer|photographers|photographe|photographes|artist|artiste|illustrator|illustrateur|graphiste|designer|author|auteur ~5 permission|rights|credit|use|reuse|ask|autorisation|droit|droits|utiliser|reutiliser
3   re use|used|using ~4 photo|photos|picture|pictures|image|images|video|videos|article|text|texte|drawing|illustration|graphic|chart|figure|music|map|meme|content
3   reuse|reus*|reutilis*|reprendre|reproduc*|reprodu*|republi*|repost*|repris* ~4 photo|photos|picture|pictures|image|images|video|videos|article|articles|text|texte|drawing|dessin|illustration|graphic|chart|figure|animation|animations|poem|poeme|blog|infographic|music|song|map|carte|meme|cartoon|comic|content|contenu
3   found|find|trouve|trouvee|took|downloaded|telecharge|telechargee|grabbed|saved ~6 online|internet|web|google|website|site|instagram|twitter|facebook|flickr|pinterest|tiktok|linkedin
3   trouv*|telecharg*|pris|recupere ~4 internet|web|google|ligne|site|instagram|facebook|pinterest
2.5 someone|somebody|other|another ~2 else|elses|people|person|persons ~5 photo|photos|image|images|picture|pictures|content|work|video|article|contenu|oeuvre
2.5 tiers|autrui ~4 photo|photos|image|images|picture|content|work|video|article|contenu|oeuvre
3   music|song|songs|soundtrack|musique|chanson|chansons ~5 video|videos|clip|reel|post|film|background|fond|montage
4   patent*|brevet*
3   photo|photos|picture|pictures|image|images|video|videos|footage ~2 i|we ~2 took|taken|shot|made|filmed
2.5 company|companies|firm|brand|business|advert|advertisement|advertising|ad|ads|publicite|entreprise|societe|marque ~5 used|uses|using|utilise|utilisee|utilisent|reprise|repris|copied|copie ~4 photo|photos|picture|pictures|image|images|video|videos|work|oeuvre|texte|text
3   photo|photos|image|images|video|videos ~4 ai|avons prise|prises|pris|faite|faites|realisee|realise|tournee
2.5 image|images|photo|photos|picture|pictures ~2 film|movie|films|movies
3   still|stills|screenshot|screenshots|frame|frames|capture|scene|scenes ~4 movie|movies|film|films|series|show|episode|cartoon|anime|serie
3   permission|autorisation|rights|droits ~4 studio|studios|publisher|author|photographer|artist|owner|label|editeur|auteur|photographe|artiste|proprietaire
3   other|others|another|autres|autre ~2 speakers|speaker|authors|author|researchers|groups|orateurs|intervenants|auteurs|chercheurs ~5 slides|slide|plots|plot|figures|work|results|photos|transparents|diapositives|resultats|travaux
4   plagiar*|plagiat|plagier
3   book|books|livre|livres|scan|scanned|scanne|scannees ~4 page|pages|chapter|chapitre|figure|figures|extrait|excerpt|extraits
3   manuel|manuels|textbook|textbooks|book|books|livre|livres ~5 scan|scanned|scanne|scannes|pdf|photocop*|upload|translate|translation|traduire|traduction
2   permission|autorisation ~3 use|reuse|publish|utiliser|publier|reutiliser ~4 photo|image|picture|video|article|text|work|music|map|figure|texte|oeuvre
2   owner|owners|proprietaire
2   ayant|ayants droit|droits
2.5 publisher|publishers|editeur|editeurs|journal|journals|revue ~4 permission|rights|droits|autorisation|accord|copyright
3   publisher|publishers|editeur|editeurs|maison-edition ~5 use|utiliser|reuse|reutiliser|photo|photos|images|image|pictures|book|livre
3   figure|figures|plot|plots|graph|graphs|diagram|diagrams|schema|schemas|illustration|illustrations ~4 paper|journal|publication|article|book|revue|livre|thesis|these|textbook
2   watermark*|filigrane
2.5 name|nom|named|call|called|appele|appelle|appeler|nommer|brand|branding ~3 cern ~5 podcast|company|startup|spin|spinoff|product|app|application|website|domain|shop|association|club|entreprise|produit|site|boutique|channel|chaine|event|business
2.5 confidential|confidentiel|confidentielle|internal|interne ~3 document|documents|agreement|contract|supplier|vendor|company|slides|drawing|drawings|plans|price|prices|prix|contrat|fournisseur|entreprise|plan|plans
2   supplier|vendor|contractor|fournisseur|prestataire|contract|contrat
2   third party|parties
1.5 tiers
2   trademark*|marque ~3 name|nom|registered|deposee

# Other people's works (photographers, publishers, agencies, films, maps, fonts, poems,
# lectures) and what is done with them; unpublished results; commercial partners.
3   photographer|photographers|photographe|photographes|artist|artiste|illustrator|illustrateur|dessinateur|dessinatrice|cartoonist ~5 took|taken|shot|photos|pictures|images|drawings|dessins|works|oeuvres|prises
2.5 professional|freelance|independent|independant|external|externe|pro photographer|photographe|photographers|photographes
3   google|bing images|image
4   name|nom|names|noms|title|titre ~4 protected|protege|protegee|depose|deposee|trademarked|reserved|reserve
1.5 name|nom|title|titre|call|naming|nommer|appeler ~4 podcast|channel|chaine|company|startup|app|product|produit|blog|site|website|association|club|shop|boutique
3   before|avant ~5 published|publication|publie|publiee|paru|parution|accepted|accepte|acceptee|peer-review|soumis|submitted ~6 paper|article|journal|revue|results|resultats|analysis|analyse|plot|figure|graphique|graph
2.5 graphique|graphiques|courbe|courbes|histogramme|histogrammes|histogram|histograms ~5 article|paper|revue|journal|publication|analyse|analysis|these|thesis
3   sell|selling|sold|vendre|vente|vendu|commercial|commercialiser|monetis*|monetiz* ~5 photo|photos|photograph|photographs|prints|images|tirages|pictures|video|videos|music|photographies
3   citant|citing|crediting|creditant ~3 name|nom|author|auteur|photographer|photographe|source
3   colleague|collegue|friend|ami|amie ~3 photographer|photographe|photographers|artist|artiste|illustrator|designer|graphiste
# `librement*` as a prefix: its stem is libre, and temps libre is free time.
4   librement*|freely|royalty-free|copyright-free|libre-de-droits|libres-de-droits
2.5 industrial|industriel|industriels|commercial|commerciaux ~1 partner|partners|partenaire|partenaires
3   partenaire|partner|partners|partenaires|industriel|industrial|supplier|company|entreprise ~5 interdit|forbids|forbid|prohibit|prohibits|refuse|confidential|confidentiel|secret|secrets
2.5 gif|gifs ~5 image|images|picture|photo|character|personnage|film|movie|scene|cartoon|dessin
2   mascot|mascots|mascotte|mascottes
2.5 cartoon|fictional|famous|disney|celebre|connu|dessin-anime ~2 character|characters|personnage|personnages
3   preprint|preprints|unpublished|non-publie|non-publies|non-publiee|non-publiees
3   nasa|esa|jaxa|noaa|eso|wikimedia|wikipedia|openstreetmap|osm|google-maps|googlemaps|hubble|webb ~5 image|images|photo|photos|picture|pictures|map|carte|video|videos|animation|data
3.5 agency|agence|afp|reuters|ap|getty|keystone|associated-press ~4 photo|photos|image|images|picture|pictures|video|videos|footage
3   paywall|paywalled|open-access|libre-acces|acces-libre
3   poem|poems|poeme|poemes|poesie|poetry|lyrics|paroles ~5 whole|entire|entier|entiere|full|complet|integral|integralement|quote|citer|publish|publier|post|poster|share|partager
3   font|fonts|police|polices|typeface|typefaces ~4 bought|purchased|achete|achetee|licence|license|licensed|personal-use|commercial|usage|payante|paid
3   slogan|slogans|tagline|taglines|jingle ~5 ressemble|similar|resembles|proche|copy|copie|marque|brand|trademark|protected|protege
3   map|maps ~4 openstreetmap|osm|google|reprendre|use|utiliser|reuse|copy|copier|screenshot|capture
3   carte|cartes ~4 openstreetmap|osm|google|geographique|geographiques|itineraire
2.5 other|another|autre|autres|external|externe|american|americain|americaine|foreign|etranger|partner|partenaire ~3 lab|labs|laboratory|laboratoire|institute|institut|university|universite|observatory|observatoire|agency|agence|museum|musee ~6 photo|photos|video|videos|animation|animations|image|images|figure|plot|text|texte|content|contenu|slides|published|publie|publiee
2.5 organisers|organizers|organisateurs|organisatrices|organiser|organizer ~5 photos|pictures|images|slides|videos|recordings|website|site
2.5 download|downloaded|downloading|telecharger|telecharge|telechargee ~5 photos|images|video|videos|pictures|them|photo|image
2.5 pdf|pdfs ~5 article|paper|book|manuel|livre|journal|publication|chapitre|chapter|revue
2.5 repartager|reshare|resharing|reshared|republier|republish|republishing ~5 texte|text|article|animation|video|photo|dessin|post|blog|content|contenu|poem|story
3   personal-use|commercial-use|usage-personnel|usage-commercial|private-use|non-commercial|noncommercial
3   slides|transparents|diapositives|slide ~5 lecture|lectures|course|cours|professor|prof|professeur|speaker|orateur|intervenant|someone
2.5 book|books|livre|livres ~5 photos|images|photo|image|pictures|illustrations
# Who owns the rights, musicians and performers, works sold by others, famous characters,
# stills and scenes, theses under embargo for a patent.
4   own|owns|hold|holds|detient|detiennent|possede|possedent ~3 rights|droits|copyright
2.5 musician|musicians|musicien|musiciens|musicienne|musiciennes|band|performers|artistes|singer|chanteur|chanteuse ~5 rights|droits|permission|autorisation|own|accord|upload|film|filmed|filme|record|enregistre
3   sell|sells|selling|sold|vend|vendent|revend|revendent|resell|resells|reselling|vendu|vendus ~4 poster|posters|affiche|affiches|illustrations|illustration|drawings|dessins|prints|tirages|designs|artwork|photos|images|t-shirts|goodies
3   asterix|obelix|tintin|mickey|simpsons|pokemon|pikachu|marvel|pixar|disney|spirou|gaston|schtroumpfs|smurfs|snoopy|garfield|batman|superman|spider-man|star-wars|harry-potter|minions|shrek
2   utiliser|use|using|reprendre|poster|post|publier|share|partager ~4 image|images|photo|still|stills|extrait|clip|scene ~3 film|movie|series|serie|show|emission
3   these|thesis|dissertation|manuscrit|manuscript ~3 embargo|confidential|confidentielle|brevet|patent
# Quoting books and lectures, asking a publisher, companies advertising with our pictures,
# objecting to a name, diagrams from textbooks.
3   quote|quoting|citer|cite|quoted ~4 book|books|livre|livres|page|pages|chapter|chapitre|passage|passages|poem|lectures|cours
3   asking|ask|demander|demande ~3 publisher|publishers|editeur|editeurs|author|auteur|photographer|photographe|artist|artiste
2.5 startup|startups|start-up|firm|brand|company|companies|entreprise|societe ~5 advertising|advertises|advertise|promotes|promoting|utilise|uses|using|used ~4 photo|photos|picture|pictures|image|images|video|videos|name|nom
3   object|oppose|opposer|contest|contester|challenge ~4 name|nom|use|usage|utilisation|marque
3   schema|schemas|diagram|diagrams|figure|figures|illustration|illustrations|graph|graphs ~4 manuel|manuels|textbook|textbooks|universitaire|cours|course|encyclopedia|encyclopedie
# Photos a member took, translating someone's text, confidentiality agreements, free music,
# scanning printed photos.
2.5 photo|photos|picture|pictures ~6 one|member|members|membre|membres|colleague|collegue ~3 took|taken|shot|pris|prise
3   translate|translation|translating|traduire|traduction|traduit ~4 post|article|blog|text|texte|book|livre|it
5   confidentiality agreement|agreements|clause|clauses
3   music|musique|musiques|songs|chansons|sounds|sons ~3 libre|libres|free|royalty-free|library|bibliotheque
5   scan|scanner|scanne|scannee|scanned|photocopier|photocopie ~4 photo|photos|image|images|magazine|article|page|pages
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
# TV and radio alone also name what a clip or a song comes from (a rights question).
2.5 tv|television|televis*|radio|broadcast*
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
3   article|story|piece|sujet|papier|portrait|reportage ~3 about|sur ~3 cern|experiment|lab|research|work|detector|our|notre|nos|experience|recherche
3   article|piece|sujet|papier|portrait|reportage ~3 about|sur ~3 me|moi|us|nous|my|mon|ma
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
1.5 podcast|podcasts|influencer|influencers|blogger|bloggers|vlogger|influenceur|influenceuse|blogueur|blogueuse
2.5 youtuber|youtubers|youtubeur|youtubeuse|youtubeurs|videaste|videastes|streamer|streamers
2   deadline|embargo*|exclusive|exclusif|exclusivite|scoop
3   contacted|approached|contacte|contactee|sollicite|solicited|asked|emailed ~4 journalis*|reporter|press|presse|newspaper|tv|radio|magazine|media|medias|television|broadcaster
2   comment|comments|reaction|react|statement|declaration|commenter ~4 journalis*|press|reporter|newspaper|media|presse

# Outlets and programmes by name or kind, invitations, being filmed, followed or quoted.
3   film|filmer|tourner|shoot|shooting|record|recording|enregistrer|interview ~6 sa|son|his|her|their|leur|leurs chaine|channel|show|emission|programme|podcast|documentary|documentaire
3.5 propos|words|quote|quotes|statement|remarks|citation ~3 attribue|attribues|attributed|deformes|deforme|deformed|distorted|twisted|misquoted|tronques|inventes|invented|wrongly
3   france 2|3|5|24|info|inter|culture|bleu|televisions|tv
3   news|actualite|actualites|information|infos site|website|outlet|portal|agency|agence|magazine
3   site|sites actualite|actualites|news|infos
2.5 interroger|interviewer|questionner
3   talk|speak|parler|interview|appear|appearing ~3 on|face|devant camera
3   invited|invite|invitation|inviter ~5 show|emission|podcast|radio|tv|plateau|talk-show
2   relire|proofread ~4 article|interview|piece|reportage
2   follow|suivre|shadow ~3 me|moi|us|nous|group|equipe|team|lab|labo ~6 week|semaine|journee|month|mois
2.5 streaming|netflix|prime-video|disney|hbo ~5 series|serie|documentary|documentaire|film|show|emission|production
3   commenter|react|reagir|analyse|explain|expliquer|discuss|discuter ~3 live|en-direct|on-air|antenne|plateau
3   court-metrage|court-metrages|short-film|short-films
3   tribune|gazette|quotidien|hebdo|hebdomadaire|tages-anzeiger|nzz
3   industry|trade|specialist|specialised|specialized|professional|professionnel|specialisee|specialise magazine|magazines|press|presse
2.5 looking|cherche|seeks|seeking ~3 scientist|scientists|physicist|physicists|expert|experts|scientifique|scientifiques|physicien|physicienne|chercheur|specialiste ~4 comment|interview|talk|speak|explain|parler|expliquer|temoigner|show|emission
2.5 appele|appelle|called|phoned|rang|contacted|contacte|contactee ~4 journalist|journaliste|reporter|presse|press
# Social media is not the press, whatever is said on it.
-2.5 social ~1 media ~4 talk|talked|talking|speak|spoke|spoken|parler|parle
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
3   inappropriate|inapproprie|inappropries|inappropriee|inappropriees|deplace|deplaces|deplacee|deplacees|unacceptable|inacceptable|disrespectful|irrespectueu*|humiliat*|humili*|demean*|degrading|degradant*|denigr*|mock|mocks|mocking|mocked|ridicul*|moqu*
4   sexist*|racist*|homophob*|transphob*|misogyn*|discriminat*|discrimin*|sexual|sexuel|sexuelle|ableis*|validis*|grossophob*|fatphob*|antisemit*|islamophob*|xenophob*
4   hate speech
4   discours haineux
4   propos deplaces|injurieux|haineux|offensants|insultants|blessants
5   code conduct
5   code conduite
2   conduct|conduite|behaviour|behavior|comportement|comportements
5   ombud*|mediator|mediateur|mediatrice|mediation
3   conflict*|conflit*|dispute|disputes|quarrel|quarrels|feud|disagreement|disagreements|desaccord|desaccords|altercation|clash|clashes
2   argument|arguments|fight|fighting
1.5 comment|comments|commentaire|commentaires|reply|replies|reponse|reponses|message|messages|dm|dms ~3 under|sous|my|mes|mon ~2 post|posts|publication|publications|photo|photos|video|videos|tweet|tweets|tiktok|reel|reels|story|stories
2.5 keep|keeps|kept|continue|continues|repeatedly|constamment|cesse|encore|arrete ~3 post|posting|comment|commenting|writ*|messag*|tag*|send*|sending|insult*|attack*|mention*|publi*|comment*|ecri*|envoi*
3   attack*|attaqu*|target*|cible* ~3 me|moi|personally|personnellement|colleague|collegue|online|comments|commentaires|ligne
2   criticis*|criticiz*|critique*|critiqu*|critic|critics
# A public debate or controversy about the organisation is more often an official matter
# than a conduct one.
1   debate|debates|debat|debats|polemi*|controvers*
2   backlash|shitstorm|flame|flaming
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
2   memes|meme|jokes|joke|blagues|blague|moqueries ~5 student|students|etudiant|etudiants|stagiaire|intern|colleague|colleagues|boss|manager|leader|supervisor|team|collegue|collegues|chef|equipe|responsable

# Unwanted persistent contact, rumours and accusations, mockery and exclusion, remarks on
# someone's appearance, tensions within a team. French `comment` (how) stems like English
# `comments`, hence no `on|sur` between comments and posts above.
2.5 told|asked|demande|dit|ask ~4 stop|arreter|cesser|arrete
2.5 messages|message|dms|emails|texts|sms|envoie|sends|sending ~4 every|tous|chaque day|days|night|nights|jour|jours|soir|nuit|semaine
2.5 messages|message|dms|emails|texts|sms|envoie|sends|sending ~4 daily|nightly|constantly|repeatedly
3.5 spreading|spread|spreads|repand|repandre|raconte|racontent|posting|posts|writes|ecrit ~3 lies|rumours|rumors|mensonges|rumeurs|ragots|gossip|falsehoods
3.5 lies|lying|rumours|rumors|rumeurs|rumeur|rumour|mensonges|ragots|gossip ~3 sur|about|concerning moi|me|my|mon|ma|mes|colleague|collegue
2.5 tort|harm|harms|damage|damages|damaging|nuire ~3 me|my|moi|ma|mon|reputation
3   make|making|made|makes fun
3   personal|personnelles|personnels ~2 attacks|attaques|remarks|remarques|insults
2.5 degenerer|degenere|degenerate|escalated|escalate|escalating|derape|derapent|out-of-hand
3   apparence|appearance|looks|body|corps|weight|poids|outfit|tenue ~4 comments|remarques|commentaires|remarks|jokes|blagues
2.5 people|gens|users|someone|quelqu|utilisateurs|commenters ~4 write|writes|wrote|say|says|said|ecrivent|ecrit|disent|comment|commentent ~6 under|sous|below
3   women|woman|femmes|femme|girls|female ~4 shouldn|belong|cannot|incapables
2   angry|colere|furious|furieux|rageux|haters|hater
2   exhausting|epuisant|scared|anxious|angoisse|hurtful|hurt
2.5 insistant|insistante|insistants|insistent|persistent|unwanted|non-sollicites|creepy|uncomfortable|malaise|mal-a-l-aise
2.5 sans-arret|nonstop|non-stop|constantly|constamment|tout-le-temps|all-the-time ~4 contact|contacts|contacte|messages|ecrit|writes|messaging|texting|calls|appelle
3   accused|accuse|accuses|accusing|accusation|accusations|accusent ~3 me|moi|publicly|publiquement|stealing|vol|plagiat|triche|cheating
3   exclude|excluded|exclusion|exclu|exclue|ostracis*|ostraciz*|left-out|mis-a-l-ecart|mise-a-l-ecart|without-me|sans-moi
3   jokes|blagues|joke|blague ~4 about|sur|at ~2 me|my|moi|mon|ma|mes|her|his|student|colleague|etudiant|collegue|stagiaire
3   imitat*|imiter|imitant|mimicking|mimic|parod* ~4 accent|accents|voice|voix|student|colleague|etudiant|collegue|stagiaire|handicap|disability
2   make|making|made it|things|matters worse
2   aggraver|envenimer|escalate ~3 situation|things|choses
3   remarques|remarks|comments|commentaires|jokes|blagues ~3 sur|about|on ~2 mon|ma|my|mes|her|his|son|sa physique|voix|voice|body|corps|apparence|appearance|poids|weight|accent|look|looks|tenue|outfit|clothes|vetements
2.5 affront*|friction|frictions|bicker*
2.5 tension|tensions ~4 team|equipe|group|groupe|collegues|colleagues|entre|between|service
# Threats to find someone, fear.
3   find|track|trouver|retrouver ~3 where|ou ~2 live|lives|habite|habites|vit
3   scared|afraid|frightened|peur|effraye|effrayee|terrified|terrifie|terrifiee
# Being called names, not left alone, messaging after replies stopped, being affected.
3   calling|called|call|traite|traitent|traitee|traiter ~2 me|moi|him|her|lui ~3 fraud|liar|idiot|imposter|impostor|menteur|menteuse|fraudeur|fraudeuse|incapable|nul|nulle|clown
3   leave|laisser|laisse|lache ~2 me|moi|her|him ~2 alone|tranquille|paix
2.5 stopped|stop|arrete|cesse ~3 replying|responding|answering|repondre
2   comments|comment|commente|commentaires ~3 all|every|toutes|tous ~2 my|mes
2   affecting|affects|affected|affecte|affectee|hurting ~2 me|moi|je|suis
3   unkind|cruel|cruels|cruelle|meprisant|meprisante
# Stalking across platforms and new accounts after a block.
3   stalk*|traqu*
3   following|follows|follow|suit|suivre ~2 me|moi ~3 every|all|partout|everywhere|platforms|across|plateformes
3   blocked|block|bloque|bloquee ~4 new|nouveaux|nouveau|another|autre|autres ~2 accounts|account|comptes|compte|profile|profiles|profils
# ---------------------------------------------------------------------------------------------
topic general
# Questions the social-media team answers itself. These cues only help when nothing specific
# stands out; routine IT questions (a forgotten password) are not the security team's.
4   forgot|forgotten|reset|expired|expire|renew|oublie|reinitialis*|renouvel* ~3 password|passwords|passe
2   best time
2   hashtag|hashtags|followers|abonnes|audience|analytics|statistics|statistiques|algorithm|algorithme|visibility|visibilite|tips|conseils|astuces|reach
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
# Engagement figures and posting frequency are the team's own advice. Not `engagement` alone:
# its stem is that of engage (n'engage que moi).
2   engagement|engagements rate|rates|metrics|statistics|stats
2   taux engagement
2   fois|times ~3 semaine|week|jour|day|mois|month
# Messages that close a matter or pass something on for information: nothing to route.
3   for|pour information|info|informations|reference
3   fyi|pour-info
3   nothing|rien ~2 do|faire
3   no|aucune action|actions
3   answers|repond|repondu my|ma question
3   tres|bien|parfaitement clair|claire|clairs
3   resolved|solved|sorted|regle|resolu|resolue
# Follow-ups that close a matter or turn to another question.
3   all good|fine|sorted|set
3   rentre|rentree ~3 ordre
3   thanks|thank|merci ~2 again|encore
3   separately|unrelated|meanwhile|sinon|separement
3   autre|another|other|different question|questions
3   by the way
3   au passage
# Copies for the record and questions asked in passing.
3   for|pour your|vos|votre records|dossiers|archives|information
2   copying|copie|cc ~2 you|vous
3   quick|petite|rapide|small question|questions
3   already ~3 handled|dealt|answered|sorted|resolved|regle|traite|repondu
"""#
}

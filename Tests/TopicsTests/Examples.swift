import Testing
import Topics

/// A question and the topic the social-media team would route it to.
struct Example: Sendable, CustomTestStringConvertible {
    let topic: Topic
    /// `en` or `fr`.
    let language: String
    let subject: String
    let body: String
    let line: Int

    var testDescription: String { "\(topic.rawValue) \(language) (line \(line)): \(subject)" }
}

/// Our own questions, written for these tests (none comes from the labelled corpus). A record
/// starts with `== TOPIC LANGUAGE | SUBJECT`; the lines below it, up to the next record, are the body.
/// Kept as text rather than an array literal so that adding examples costs no compile time.
enum Examples {
    static let all: [Example] = parse(text)

    static func of(_ topic: Topic) -> [Example] { all.filter { $0.topic == topic } }

    private static func parse(_ text: String) -> [Example] {
        var out: [Example] = []
        var header: (topic: Topic, language: String, subject: String, line: Int)?
        var body: [Substring] = []
        func flush() {
            if let header {
                out.append(
                    Example(
                        topic: header.topic, language: header.language, subject: header.subject,
                        body: body.joined(separator: "\n"), line: header.line))
            }
            body = []
        }
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard line.hasPrefix("== ") else {
                body.append(line)
                continue
            }
            flush()
            let fields = line.dropFirst(3).split(separator: "|", maxSplits: 1)
            let names = fields.first?.split(separator: " ").map(String.init) ?? []
            let subject = fields.count > 1 ? String(fields[1]).trimmingSpaces() : ""
            guard names.count == 2, let topic = Topic(rawValue: names[0]), ["en", "fr"].contains(names[1]) else {
                preconditionFailure("Examples line \(index + 1): expected `== TOPIC en|fr | SUBJECT`")
            }
            header = (topic, names[1], subject, index + 1)
        }
        flush()
        return out
    }

    private static let text = """
== security en | Odd account
someone opened an Instagram account with my name and photo
== media en | Visit
a journalist wants to film in my lab
== conduct en | Comments
my colleague keeps posting nasty comments under my posts
== logo en | Mugs
can I put the emblem on our conference mugs
== privacy en | Group photo
may I post the group photo with everyone's faces
== intellectual-property en | A picture
can I reuse this picture I found online
== official en | Personal account
can I speak for CERN on my personal account
== official en | Department account
who approves posts on the department account
== security fr | Compte bizarre
Quelqu'un a ouvert un compte Instagram avec mon nom et ma photo.
== media fr | Visite
Un journaliste veut filmer dans mon labo.
== conduct fr | Commentaires
Mon collègue n'arrête pas de poster des commentaires méchants sous mes publications.
== logo fr | Tasses
Puis-je mettre l'emblème sur les tasses de notre conférence ?
== privacy fr | Photo de groupe
Puis-je publier la photo de groupe où l'on voit les visages de tout le monde ?
== intellectual-property fr | Une image
Puis-je réutiliser cette image trouvée en ligne ?
== official fr | Compte personnel
Puis-je m'exprimer au nom du CERN sur mon compte personnel ?
== official fr | Compte du département
Qui valide les publications sur le compte du département ?
== logo en | Logo on our workshop poster
Hi, we are organising a small workshop at the university next month. Are we allowed to put the CERN logo on the poster and the programme booklet?
== logo en | Question
Hello,
our student association would like to print hoodies with the CERN roundel on the back for the summer students. Is that OK, and who do I ask?
Cheers, Tom
== logo en | Brand colours for slides
Is there an official template or colour palette I should use for slides that will be shown at a public event? I want to respect the visual identity.
== logo en | Conference lanyards
We're ordering lanyards and water bottles for the summer school. The supplier suggests adding the CERN mark in blue. Can we?
== logo fr | Logo du CERN sur des goodies
Bonjour, pour notre conférence nous voulons faire des tasses et des autocollants avec le logo du CERN. Est-ce autorisé ?
== logo fr | Charte graphique
Bonjour,
Où puis-je trouver la charte graphique et les couleurs officielles pour une affiche de séminaire ?
Merci
== logo fr | Photo de profil
Est-ce que je peux mettre l'emblème du CERN comme photo de profil sur mon compte Instagram perso ?
== logo fr | Autocollants pour ordinateur
Salut, un ami graphiste a redessiné le logo du CERN en version « pixel art ». On peut en faire des autocollants pour le stand ?
== official en | Replying on behalf of the experiment
Someone asked about our experiment's results on Reddit. Am I allowed to answer on behalf of the collaboration, or only as myself?
== official en | New account for our group
Our section would like to open an Instagram account to showcase our work. Who needs to authorise it and who should run it?
== official en | Do I need a disclaimer?
I tweet about my research quite a lot. Do I need to add a disclaimer to my bio saying that I don't represent CERN?
== official en | Answering criticism of CERN
A well-known blogger wrote that CERN wastes public money. I'd like to write a rebuttal as a CERN physicist. Is that allowed, or should it come from the Organization itself?
== official fr | Parler au nom du CERN
Bonjour, un ami me demande de commenter une polémique sur Twitter. Est-ce que je peux répondre au nom du CERN ou seulement à titre personnel ?
== official fr | Compte de l'expérience
Qui valide les publications sur le compte officiel de notre expérience ? Je voudrais publier une annonce.
== official fr | Publier pour le département
Mon chef m'a demandé de gérer la page Facebook du département. Y a-t-il des règles ou une validation à respecter avant de publier ?
== privacy en | Photo of a visitor
During the open day I took a nice picture of a family in front of the detector. Can I post it on our group's page without asking them?
== privacy en | Please take down my picture
There is a photo of me on a CERN Flickr album from a party and I'd like it removed. Who can do that?
== privacy en | Lab tour video
I filmed a tour of our lab for my YouTube channel. A few colleagues appear in the background and one of them asked me not to publish it. What are the rules?
== privacy en | Badge photo
Someone posted a picture of my access card online, with my photo and ID number visible. Can it be taken down?
== privacy fr | Photo de groupe
Bonjour, puis-je publier la photo de groupe de l'atelier ? On voit bien les visages de tout le monde et je n'ai pas demandé leur accord.
== privacy fr | Retirer une photo
Une collègue a publié une photo de moi sur Facebook sans me demander. Comment la faire retirer ?
== privacy fr | Photo d'un collègue malade
Je voudrais publier un message de soutien pour un collègue hospitalisé, avec sa photo et des nouvelles de sa santé. Est-ce que c'est correct ?
== security en | My Instagram was hacked
Since this morning my Instagram posts things I never wrote and I can't log in anymore. What should I do?
== security en | Weird DM
I received a direct message with a link asking me to confirm my CERN login to keep my account verified. It looks odd. Should I click it?
== security en | Someone is pretending to be our director
There is a Twitter profile using the director's photo and name, asking people for donations. How can we get it taken down?
== security en | Strange login alert
I got an alert that someone logged into my Facebook from another country. I changed nothing. Is my account compromised? I use it for outreach.
== security fr | Compte piraté
Bonjour, mon compte LinkedIn a été piraté et publie des offres bizarres. Que faire ?
== security fr | Faux profil
Quelqu'un se fait passer pour moi sur Instagram avec mes photos. Comment le signaler ?
== security fr | Message suspect
J'ai reçu un mail qui me demande mon mot de passe pour « vérifier mon compte CERN ». C'est normal ?
== security fr | Lien étrange
Un inconnu m'a envoyé un lien sur WhatsApp en disant être du service informatique du CERN et veut que je me connecte. C'est une arnaque ?
== intellectual-property en | Music in our outreach video
We made a short video for the open day and want to add a popular song in the background. Can we post it like that?
== intellectual-property en | Using a figure from a journal
Can I post a figure from a Nature paper in a thread about our results, or do I need the publisher's permission?
== intellectual-property en | NDA
I signed an NDA with a supplier. Can I still post a picture of the prototype they built for us?
== intellectual-property en | Cartoon for my post
I'd like to illustrate my post with a cartoon from a well-known webcomic about physics. Am I allowed to?
== intellectual-property fr | Image trouvée sur internet
Bonjour, je peux utiliser une illustration trouvée sur Google pour annoncer mon séminaire ?
== intellectual-property fr | Droits d'auteur
Peut-on reprendre des extraits d'un livre dans une publication Facebook ? Il faut demander aux ayants droit ?
== intellectual-property fr | Licence
Sous quelle licence sont les photos de la médiathèque du CERN ? Je veux les réutiliser sur mon blog.
== intellectual-property fr | Reprendre une carte
Je voudrais reprendre une carte publiée par Swisstopo dans mon post sur le tunnel. Faut-il une autorisation ?
== media en | Interview request
A reporter from a Swiss newspaper wants to interview me about my thesis. Do I need to tell anyone?
== media en | TV crew
A TV channel asked if they can shoot some footage in our control room next week. Who should I talk to?
== media en | Student newspaper
The student paper at my university asked to write a story about my summer at CERN and to take my portrait. Should I check with someone first?
== media fr | Demande d'interview
Une journaliste de la radio veut m'interviewer sur le boson de Higgs. Est-ce que je dois passer par le service de presse ?
== media fr | Tournage
Une équipe de télévision voudrait filmer dans notre labo pour un reportage. À qui dois-je m'adresser ?
== media fr | Un magazine me contacte
Un magazine m'a contacté pour un article sur notre expérience. Puis-je répondre directement ?
== conduct en | Nasty replies
Every time I post about my work, the same person replies with insulting comments about women in physics. What can I do?
== conduct en | Argument with a colleague on LinkedIn
A colleague and I had a heated public exchange under a post and it's getting personal. How should I handle it?
== conduct en | colleague's posts
A colleague keeps posting sarcastic memes about our team leader on Instagram. Everyone knows who it is. It is creating a bad atmosphere.
== conduct fr | Harcèlement en ligne
Depuis ma conférence, je reçois des messages agressifs et menaçants sur Twitter. Que dois-je faire ?
== conduct fr | Commentaires
Un collègue laisse sans cesse des commentaires méprisants sous mes publications. Est-ce contraire au code de conduite ?
== conduct fr | Propos sexistes
Sur le groupe Facebook des utilisateurs, un membre fait régulièrement des remarques déplacées sur les femmes. À qui le signaler ?
== general en | Car-pool
Is there a car-pool group for people coming from Annecy? Thanks!
== general en | Canteen
Do you know if Restaurant 1 is open on Saturday?
== general en | Password
I forgot my CERN password and can't reset it. Can you help?
== general en | Best time to post
When is the best time to post on LinkedIn to reach more people? Any tips for hashtags?
== general en | Share our event
Could you share our public lecture on the CERN accounts? It's next Thursday in the Globe.
== general fr | Trop technique ?
Bonjour, est-ce que ce texte est trop technique pour Facebook ? Voici le brouillon : les collisions de protons à 13,6 TeV...
== general fr | Covoiturage
Bonjour, existe-t-il un groupe de covoiturage pour Saint-Genis ?
== general fr | Trop de publications ?
Je publie environ cinq fois par jour sur mon compte à propos de mes recherches. Est-ce trop ?
== logo en | RE: merch for the open days
Thanks Paul. One more thing: the print shop needs the vector file of the CERN logo for the caps. Where can I get it, and are caps allowed at all?

-----Original Message-----
From: Paul Meier
Sent: Monday, 3 March 2025 09:12
To: Anna Roth
Subject: merch for the open days

Anna, the journalist visit is moved to Friday.
== official fr | TR: page LinkedIn du groupe
Bonjour,

Je transfère la question de ma cheffe : peut-on publier les résultats du groupe sur une page LinkedIn à nous, ou faut-il passer par les canaux officiels du CERN ?

Bien à vous,
Claire

---------- Forwarded message ---------
De : Sophie Lambert
Date : lun. 3 mars 2025
Objet : page LinkedIn

Claire, peux-tu demander à l'équipe réseaux sociaux ?
== privacy fr | Re: photos de la visite
Merci ! Mais attention, sur la photo de la visite on voit les élèves de l'école primaire. Les parents n'ont pas donné leur accord. On la publie quand même ?

Le 3 mars 2025 à 10:15, Jean Dupont <jean.dupont@cern.ch> a écrit :
> Voici les photos pour Instagram.
== security fr | Compte Facebook cloné
Bonjour, plusieurs amis ont reçu une demande d'ami d'un compte qui est une copie du mien (même photo, même nom). Que faire ?
Cordialement
Marc
== intellectual-property en | Using a Hollywood movie still
For a fun post about antimatter I want to use a still image from the movie Angels & Demons. Do I need permission from the studio?
== intellectual-property fr | Confidentialité fournisseur
Nous avons signé un accord de confidentialité avec une entreprise pour un prototype. Est-ce que je peux quand même montrer une photo du prototype sur LinkedIn ?
== media en | Someone from Der Spiegel
A writer for Der Spiegel emailed me asking for a phone call about dark matter for a feature article. Should I accept? I've never talked to the press.
== media fr | Demande de la RTS
La RTS voudrait m'interviewer en direct au téléjournal ce soir. Dois-je prévenir quelqu'un ?
== conduct fr | Insultes
Quelqu'un de mon service m'a traité d'incompétente dans un commentaire Facebook visible par tous. Je me sens humiliée.
== general en | Lost badge
I lost my access card this morning. Where do I get a new one?
== logo fr | logo modifié pour notre expérience
Bonjour, on a créé un logo pour notre petite expérience en s'inspirant fortement de celui du CERN (même cercle, même bleu). Est-ce que ça pose problème ?
== privacy fr | Liste des participants
Puis-je publier la liste des participants de l'école d'été avec leurs emails sur notre site ?
== security en | Malicious QR code
Someone stuck QR stickers on the posters in building 500 that lead to a fake CERN login page. Who should I tell?
== intellectual-property en | Someone used my photo
A company used a photo I took at CERN in their advert without asking me. It's my picture. What can I do?
== conduct fr | Moqueries
Des collègues se moquent de mon accent dans des vidéos qu'ils publient sur Instagram. Que faire ?
== general en | Emoji use
Is it okay to use emojis in posts about physics results? Does CERN have a style preference?
"""
}

extension String {
    fileprivate func trimmingSpaces() -> String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}

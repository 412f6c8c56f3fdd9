"""A synthetic bilingual help centre of N articles per language, and the two projects built from it.

Reads nothing but the repository's ``mkdocs.yml``, ``hooks/``, ``overrides/``, ``data/`` (all but the two
generated files) and non-article files under ``docs/``; never writes into the repository. Produces, in a
folder it is given:

- ``ours/``: our help centre (the repository's configuration, hooks, overrides and data) with the corpus
  in ``docs/<lang>/<category>/<slug>.md``, its own ``data/categories.yml`` (12 categories) and
  ``data/popularity.csv``;
- ``reference/``: the same articles with a trivial home page per language, built by plain Material +
  mkdocs-static-i18n with the same Markdown extensions and ``navigation.prune``: no hooks, no overrides.

Articles are deterministic for a given size and seed: ~300-word answers with headings that carry explicit
ids, numbered steps with bold labels, French with accents and French typography (U+202F before ? ! ;,
U+00A0 before : and inside « »), some ``related`` pins, ``contact`` keys, ``[[contact ...]]`` markers and
links between articles, and a translation record (``translation_of``) on every French twin.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import itertools
import json
import random
import re
import shutil
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

LANGUAGES = ("en", "fr")
NNBSP = "\u202f"  # before ? ! ;
NBSP = "\u00a0"  # before : and inside « »
GENERATED_DATA = ("categories.yml", "popularity.csv")
SEED = 10
MIN_WORDS = 280


@dataclass(frozen=True)
class Pair:
    """One piece of text in both languages."""

    en: str
    fr: str

    def get(self, lang: str) -> str:
        return getattr(self, lang)


@dataclass(frozen=True)
class CategorySpec:
    key: str
    icon: str
    name: Pair
    description: Pair
    contact: str | None = None


@dataclass(frozen=True)
class Subject:
    text: Pair
    category: str


@dataclass(frozen=True)
class Head:
    """An article before its answer is written: what links and pins to it need."""

    id: int
    category: str
    slug: str
    title: Pair
    action: Pair
    subject: Pair


@dataclass(frozen=True)
class ArticleSpec:
    id: int
    category: str
    slug: str
    title: Pair
    body: Pair
    tags: tuple[Pair, ...]
    related: tuple[int, ...]
    contact: str | None
    updated: dt.date
    views: int | None

    @property
    def rel_path(self) -> str:
        return f"{self.category}/{self.slug}.md"

    def words(self, lang: str) -> int:
        return len(re.findall(r"\w+", self.body.get(lang)))


@dataclass(frozen=True)
class Corpus:
    size: int
    seed: int
    categories: tuple[CategorySpec, ...]
    articles: tuple[ArticleSpec, ...]

    def typical(self) -> ArticleSpec:
        """The article whose page the benchmark weighs: the middle one, no special case."""
        plain = [a for a in self.articles if not a.related and a.contact is None] or list(self.articles)
        return plain[len(plain) // 2]


@dataclass(frozen=True)
class Projects:
    ours: Path
    reference: Path


# -- vocabulary ----------------------------------------------------------------------------------------------

CATEGORIES = (
    CategorySpec(
        "connected-store",
        "material/storefront-outline",
        Pair("MINI Connected Store", "Boutique MINI Connected"),
        Pair("Buying upgrades and apps, paying and refunds.", "Achats, paiements et remboursements."),
        "mini-assist",
    ),
    CategorySpec(
        "my-account",
        "material/account-circle-outline",
        Pair("My MINI Account", "Mon Compte MINI"),
        Pair("Signing in and managing your contract online.", "Connexion et gestion de votre contrat en ligne."),
        "mini-financial-services",
    ),
    CategorySpec(
        "keys-and-locking",
        "material/key-variant",
        Pair("Keys and locking", "Clés et verrouillage"),
        Pair("Your key, its battery and the alarm.", "Votre clé, sa pile et l'alarme."),
    ),
    CategorySpec(
        "app-and-mini-id",
        "material/cellphone-cog",
        Pair("MINI App and MINI ID", "Application MINI et MINI ID"),
        Pair("Controlling your car from the MINI App.", "Commander votre véhicule depuis l'application MINI."),
    ),
    CategorySpec(
        "connectivity",
        "material/bluetooth-connect",
        Pair("Connectivity", "Connectivité"),
        Pair("Apple CarPlay, phones and the voice assistant.", "Apple CarPlay, téléphones et assistant vocal."),
    ),
    CategorySpec(
        "comfort-and-lighting",
        "material/lightbulb-on-outline",
        Pair("Comfort and lighting", "Confort et éclairage"),
        Pair("Ambient light, climate and the head-up display.", "Éclairage d'ambiance, climatisation et affichage."),
    ),
    CategorySpec(
        "driver-assistance-and-safety",
        "material/car-brake-alert",
        Pair("Driver assistance and safety", "Aide à la conduite et sécurité"),
        Pair("Parking assistance and emergency calls.", "Aide au stationnement et appels d'urgence."),
    ),
    CategorySpec(
        "charging-and-battery",
        "material/ev-station",
        Pair("Charging and battery", "Recharge et batterie"),
        Pair("Charging at home and on the road.", "Recharger à la maison et sur la route."),
    ),
    CategorySpec(
        "maintenance-and-service",
        "material/wrench-outline",
        Pair("Maintenance and service", "Entretien et service"),
        Pair("Service appointments and software updates.", "Rendez-vous d'entretien et mises à jour logicielles."),
    ),
    CategorySpec(
        "tires-and-wheels",
        "material/tire",
        Pair("Tires and wheels", "Pneus et roues"),
        Pair("Winter tires, pressure warnings and spare wheels.", "Pneus d'hiver, alertes de pression et roues."),
    ),
    CategorySpec(
        "navigation-and-maps",
        "material/map-marker-outline",
        Pair("Navigation and maps", "Navigation et cartes"),
        Pair("Maps, destinations and traffic information.", "Cartes, destinations et information routière."),
    ),
    CategorySpec(
        "warranty-and-roadside",
        "material/shield-check-outline",
        Pair("Warranty and roadside assistance", "Garantie et assistance routière"),
        Pair("Warranty cover and help on the road.", "Couverture de garantie et aide sur la route."),
        "mini-assist",
    ),
)

SUBJECTS = tuple(
    Subject(Pair(en, fr), category)
    for category, pairs in (
        (
            "connected-store",
            (
                ("the in-car store purchase", "l'achat dans la boutique du véhicule"),
                ("the subscription", "l'abonnement"),
                ("the refund request", "la demande de remboursement"),
                ("the invoice", "la facture"),
                ("my payment method", "mon mode de paiement"),
            ),
        ),
        (
            "my-account",
            (
                ("my password", "mon mot de passe"),
                ("my email address", "mon adresse courriel"),
                ("my lease contract", "mon contrat de location"),
                ("the monthly payment", "le paiement mensuel"),
            ),
        ),
        (
            "keys-and-locking",
            (
                ("the digital key", "la clé numérique"),
                ("the key battery", "la pile de la clé"),
                ("the alarm system", "le système d'alarme"),
                ("the garage door opener", "l'ouvre-porte de garage"),
            ),
        ),
        (
            "app-and-mini-id",
            (
                ("my MINI ID", "mon MINI ID"),
                ("the app notifications", "les notifications de l'application"),
                ("the vehicle tracking", "le suivi du véhicule"),
                ("the remote services", "les services à distance"),
                ("the driver profile", "le profil du conducteur"),
                ("the privacy settings", "les paramètres de confidentialité"),
            ),
        ),
        (
            "connectivity",
            (
                ("the Apple CarPlay connection", "la connexion Apple CarPlay"),
                ("the Bluetooth phone", "le téléphone Bluetooth"),
                ("the voice assistant", "l'assistant vocal"),
            ),
        ),
        (
            "comfort-and-lighting",
            (
                ("the ambient light", "l'éclairage d'ambiance"),
                ("the head-up display", "l'affichage tête haute"),
                ("the climate control", "la climatisation"),
                ("the seat heating", "le chauffage des sièges"),
            ),
        ),
        (
            "driver-assistance-and-safety",
            (
                ("the parking assistant", "l'assistant de stationnement"),
                ("the emergency call", "l'appel d'urgence"),
                ("the speed limit information", "l'information sur la limite de vitesse"),
            ),
        ),
        (
            "charging-and-battery",
            (
                ("the charging schedule", "le programme de recharge"),
                ("the charging cable", "le câble de recharge"),
                ("the public charging card", "la carte de recharge publique"),
            ),
        ),
        (
            "maintenance-and-service",
            (
                ("the service appointment", "le rendez-vous d'entretien"),
                ("the software update", "la mise à jour logicielle"),
                ("the oil level reminder", "le rappel du niveau d'huile"),
            ),
        ),
        (
            "tires-and-wheels",
            (
                ("the winter tires", "les pneus d'hiver"),
                ("the tire pressure warning", "l'alerte de pression des pneus"),
                ("the spare wheel", "la roue de secours"),
            ),
        ),
        (
            "navigation-and-maps",
            (
                ("the navigation maps", "les cartes de navigation"),
                ("the favourite destinations", "les destinations favorites"),
                ("the traffic information", "l'information sur la circulation"),
                ("the trip data", "les données de trajet"),
            ),
        ),
        (
            "warranty-and-roadside",
            (
                ("the roadside assistance", "l'assistance routière"),
                ("the warranty extension", "l'extension de garantie"),
            ),
        ),
    )
    for en, fr in pairs
)

ACTIONS = tuple(
    Pair(en, fr)
    for en, fr in (
        ("update", "mettre à jour"),
        ("reset", "réinitialiser"),
        ("activate", "activer"),
        ("cancel", "annuler"),
        ("renew", "renouveler"),
        ("transfer", "transférer"),
        ("check", "vérifier"),
        ("set up", "configurer"),
        ("turn off", "désactiver"),
        ("share", "partager"),
        ("find", "trouver"),
        ("replace", "remplacer"),
        ("pay for", "payer"),
        ("change", "modifier"),
        ("use", "utiliser"),
        ("delete", "supprimer"),
    )
)

CONTEXTS = tuple(
    Pair(en, fr)
    for en, fr in (
        ("", ""),
        (" from the MINI App", " depuis l'application MINI"),
        (" in the car", " dans le véhicule"),
        (" after a software update", " après une mise à jour logicielle"),
        (" on a second phone", " sur un deuxième téléphone"),
        (" when travelling abroad", " lors d'un voyage à l'étranger"),
        (" for a second driver", " pour un deuxième conducteur"),
        (" before selling my car", " avant de vendre mon véhicule"),
    )
)

TITLES = (
    Pair("How do I {a} {s}{c}?", "Comment {a} {s}{c}" + NNBSP + "?"),
    Pair("Can I {a} {s}{c}?", "Puis-je {a} {s}{c}" + NNBSP + "?"),
    Pair("What should I do to {a} {s}{c}?", "Que dois-je faire pour {a} {s}{c}" + NNBSP + "?"),
)

LEADS = (
    Pair(
        "You can {a} {s} yourself in a few minutes, from the MINI App or from the car.",
        "Vous pouvez {a} {s} vous-même en quelques minutes, depuis l'application MINI ou depuis le véhicule.",
    ),
    Pair(
        "Yes: most owners {a} {s} on their own, and the change applies within {n} minutes.",
        f"Oui{NBSP}: la plupart des propriétaires peuvent {{a}} {{s}} eux-mêmes, et la modification "
        f"s'applique en {{n}}{NBSP}minutes.",
    ),
    Pair(
        "In most cases you only need your MINI ID and a phone nearby to {a} {s}.",
        "Dans la plupart des cas, votre MINI ID et un téléphone à proximité suffisent pour {a} {s}.",
    ),
    Pair(
        "To {a} {s}, the quickest way is the MINI App, but the central display offers the same options.",
        "Pour {a} {s}, le plus rapide est l'application MINI, mais l'écran central offre les mêmes options.",
    ),
)

SENTENCES = (
    Pair(
        "Changes made in the app reach the car the next time it connects, usually within {n} minutes.",
        f"Les modifications faites dans l'application parviennent au véhicule à sa prochaine connexion, "
        f"généralement en moins de {{n}}{NBSP}minutes.",
    ),
    Pair(
        "If several drivers share the car, each one sees their own settings after signing in with their MINI ID.",
        "Si plusieurs conducteurs partagent le véhicule, chacun retrouve ses propres réglages après s'être "
        "connecté avec son MINI ID.",
    ),
    Pair(
        "The options shown depend on your model, its year and the country where the car was first registered.",
        "Les options affichées dépendent de votre modèle, de son année et du pays où le véhicule a été "
        "immatriculé pour la première fois.",
    ),
    Pair(
        "Nothing is charged to your payment method until you confirm the last step.",
        "Rien n'est facturé à votre mode de paiement avant que vous ne confirmiez la dernière étape.",
    ),
    Pair(
        "Keep the app up to date: older versions may not show every option described here.",
        f"Gardez l'application à jour{NBSP}: les anciennes versions n'affichent pas toutes les options décrites ici.",
    ),
    Pair(
        "Your dealer can also help, but it is usually faster to do it yourself.",
        "Votre concessionnaire peut aussi vous aider, mais il est généralement plus rapide de le faire vous-même.",
    ),
    Pair(
        "For security, some changes need a code sent by text message or email to the address on file.",
        "Par sécurité, certaines modifications exigent un code envoyé par texto ou par courriel à l'adresse "
        "figurant à votre dossier.",
    ),
    Pair(
        "The car must be parked, with the engine off and the parking brake applied, before you start.",
        "Le véhicule doit être stationné, moteur arrêté et frein de stationnement serré, avant de commencer.",
    ),
    Pair(
        "A mobile data connection is required; Wi-Fi is not enough when you are away from home.",
        f"Une connexion de données mobiles est nécessaire{NNBSP}; le Wi-Fi ne suffit pas lorsque vous êtes "
        f"loin de chez vous.",
    ),
    Pair(
        "Most owners of a MINI Cooper, MINI Countryman or MINI Aceman built after {year} can use this feature.",
        "La plupart des propriétaires d'une MINI Cooper, d'un MINI Countryman ou d'une MINI Aceman construits "
        "après {year} peuvent utiliser cette fonction.",
    ),
    Pair(
        "Your 17-character VIN is printed on your registration and on the driver's door pillar.",
        f"Votre NIV de 17{NBSP}caractères figure sur votre certificat d'immatriculation et sur le montant de "
        f"la portière du conducteur.",
    ),
    Pair(
        "It can take up to {n} days for your bank to show a refund or a cancelled payment.",
        f"Votre banque peut mettre jusqu'à {{n}}{NBSP}jours pour afficher un remboursement ou un paiement annulé.",
    ),
    Pair(
        "You can undo the change at any time from the same menu.",
        "Vous pouvez annuler la modification à tout moment depuis le même menu.",
    ),
    Pair(
        "We never ask for your password by phone or by email.",
        "Nous ne vous demandons jamais votre mot de passe par téléphone ou par courriel.",
    ),
    Pair(
        "Good to know: the feature keeps working while the car is offline and syncs again later.",
        f"Bon à savoir{NBSP}: la fonction continue de marcher lorsque le véhicule est hors ligne, puis se "
        f"synchronise plus tard.",
    ),
    Pair(
        "Did the screen show “Service unavailable”? Try again after {n} minutes.",
        f"L'écran affiche «{NBSP}Service indisponible{NBSP}»{NNBSP}? Réessayez après {{n}}{NBSP}minutes.",
    ),
    Pair(
        "Charging, navigation and remote services each have their own settings page.",
        "La recharge, la navigation et les services à distance ont chacun leur propre page de réglages.",
    ),
    Pair(
        "Payment is by credit card or PayPal; the receipt is sent to your email address.",
        f"Le paiement se fait par carte de crédit ou PayPal{NNBSP}; le reçu est envoyé à votre adresse courriel.",
    ),
    Pair(
        "Refunds go back to the card you paid with, never to another card or account.",
        "Les remboursements sont versés sur la carte utilisée pour payer, jamais sur une autre carte "
        "ou un autre compte.",
    ),
    Pair(
        "After {n} failed attempts, the function is locked for an hour to protect your account.",
        f"Après {{n}}{NBSP}tentatives infructueuses, la fonction est verrouillée pendant une heure pour protéger "
        f"votre compte.",
    ),
)

STEPS = (
    Pair("Open **{l}** in the MINI App.", "Ouvrez **{l}** dans l'application MINI."),
    Pair(
        "Choose **{l}** and check the details shown on the screen.",
        "Choisissez **{l}** et vérifiez les renseignements affichés à l'écran.",
    ),
    Pair(
        "Select **{l}**, then follow the instructions; it takes about {n} minutes.",
        f"Sélectionnez **{{l}}**, puis suivez les instructions{NNBSP}; cela prend environ {{n}}{NBSP}minutes.",
    ),
    Pair("When asked, confirm with **{l}**.", "Lorsque l'écran vous le demande, confirmez avec **{l}**."),
    Pair(
        "Wait for the message “Done!”, then choose **{l}**.",
        f"Attendez le message «{NBSP}Terminé{NNBSP}!{NBSP}», puis choisissez **{{l}}**.",
    ),
    Pair(
        "On the central display, go to **{l}** and scroll down.",
        "Sur l'écran central, allez dans **{l}** et faites défiler vers le bas.",
    ),
)

LABELS = tuple(
    Pair(en, fr)
    for en, fr in (
        ("Settings", "Paramètres"),
        ("My vehicle", "Mon véhicule"),
        ("Remote services", "Services à distance"),
        ("Profile", "Profil"),
        ("Payment methods", "Modes de paiement"),
        ("Save", "Enregistrer"),
        ("Confirm", "Confirmer"),
        ("Connected Store", "Boutique Connected"),
        ("Notifications", "Notifications"),
        ("Privacy", "Confidentialité"),
        ("Digital Key", "Clé numérique"),
        ("Subscriptions", "Abonnements"),
        ("Send code", "Envoyer le code"),
        ("Vehicle status", "État du véhicule"),
        ("Charging", "Recharge"),
        ("Update now", "Mettre à jour maintenant"),
    )
)

HEADINGS = (
    Pair("## Before you start {{ #before-you-start }}", "## Avant de commencer {{ #before-you-start }}"),
    Pair("## Step by step {{ #steps }}", "## Étape par étape {{ #steps }}"),
    Pair(
        "## If it still does not work {{ #troubleshooting }}",
        "## Si cela ne fonctionne toujours pas {{ #troubleshooting }}",
    ),
)
LINK_ANCHOR = "before-you-start"
SEE_ALSO = Pair("See also [{t}]({h}#" + LINK_ANCHOR + ").", "Voir aussi [{t}]({h}#" + LINK_ANCHOR + ").")
CLOSING = Pair(
    "Still need help? Contact us: the details are below.",
    f"Besoin d'aide{NNBSP}? Communiquez avec nous{NBSP}: les coordonnées figurent ci-dessous.",
)
CONTACT_MARKER = "[[contact mini-assist]]"

TAGS = tuple(
    Pair(en, fr)
    for en, fr in (
        ("payment", "paiement"),
        ("refund", "remboursement"),
        ("password", "mot de passe"),
        ("app", "application"),
        ("key", "clé"),
        ("charging", "recharge"),
        ("navigation", "navigation"),
        ("account", "compte"),
        ("privacy", "confidentialité"),
        ("update", "mise à jour"),
    )
)
CONTACT_KEYS = ("mini-assist", "mini-financial-services")


# -- generation ----------------------------------------------------------------------------------------------


def generate(size: int, seed: int = SEED) -> Corpus:
    """``size`` articles per language, the same for the same size and seed."""
    rng = random.Random(f"{seed}-{size}")
    combos = list(
        itertools.product(range(len(TITLES)), range(len(ACTIONS)), range(len(SUBJECTS)), range(len(CONTEXTS)))
    )
    rng.shuffle(combos)
    heads = _number_by_category([_head(combos[n % len(combos)], n // len(combos)) for n in range(size)])
    by_category: dict[str, list[int]] = {}
    for head in heads:
        by_category.setdefault(head.category, []).append(head.id)
    ranks = list(range(size))
    rng.shuffle(ranks)
    articles = tuple(_article(rng, head, heads, by_category[head.category], ranks[i]) for i, head in enumerate(heads))
    return Corpus(size=size, seed=seed, categories=CATEGORIES, articles=articles)


def _head(combo: tuple[int, int, int, int], lap: int) -> Head:
    """An article's question from one (template, action, subject, context) combination; ``lap`` > 0 only
    when N exceeds the combinations, which then repeat with a number."""
    template, action, subject, context = TITLES[combo[0]], ACTIONS[combo[1]], SUBJECTS[combo[2]], CONTEXTS[combo[3]]
    suffix = Pair(f" ({lap + 1})", f" ({lap + 1})") if lap else Pair("", "")
    title = Pair(
        *(
            template.get(lang).format(a=action.get(lang), s=subject.text.get(lang), c=context.get(lang))
            for lang in LANGUAGES
        )
    )
    title = Pair(_end_with(title.en, suffix.en, "?"), _end_with(title.fr, suffix.fr, NNBSP + "?"))
    return Head(0, subject.category, slugify(title.en), title, action, subject.text)


def _end_with(title: str, suffix: str, mark: str) -> str:
    return title[: -len(mark)] + suffix + mark if suffix else title


def _number_by_category(heads: list[Head]) -> list[Head]:
    """Ids like the real site's: one block of 10,000 per category, in order of appearance."""
    counters = {c.key: 0 for c in CATEGORIES}
    order = {c.key: i for i, c in enumerate(CATEGORIES)}
    numbered = []
    for head in heads:
        counters[head.category] += 1
        numbered.append(dataclasses.replace(head, id=(order[head.category] + 1) * 10_000 + counters[head.category]))
    return numbered


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _article(rng: random.Random, head: Head, heads: list[Head], same_category: list[int], rank: int) -> ArticleSpec:
    others = [i for i in same_category if i != head.id]
    related = tuple(sorted(rng.sample(others, min(len(others), rng.randint(1, 3))))) if rng.random() < 0.2 else ()
    contact = rng.choice(CONTACT_KEYS) if rng.random() < 0.15 else None
    link = rng.choice(heads) if rng.random() < 0.3 and len(heads) > 1 else None
    if link is not None and link.id == head.id:
        link = None
    marker = rng.random() < 0.05
    body = _body(rng, head, link, marker)
    tags = tuple(rng.sample(TAGS, rng.randint(1, 3)))
    updated = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randint(0, 660))
    views = int(60_000 / (rank + 1) ** 0.8) + rng.randint(0, 40) if rng.random() < 0.85 else None
    return ArticleSpec(
        id=head.id,
        category=head.category,
        slug=head.slug,
        title=head.title,
        body=body,
        tags=tags,
        related=related,
        contact=contact,
        updated=updated,
        views=views,
    )


def _body(rng: random.Random, head: Head, link: Head | None, marker: bool) -> Pair:
    """The answer in both languages, built from the same choices so the twins stay in step."""
    values = {"a": head.action, "s": second_person(head.subject)}
    pool = list(SENTENCES)
    rng.shuffle(pool)
    sentences = iter(itertools.cycle(pool))
    lead = [rng.choice(LEADS), next(sentences), next(sentences)]
    before = [next(sentences) for _ in range(3)]
    count = rng.randint(3, 5)
    steps = list(zip(rng.sample(STEPS, count), rng.sample(LABELS, count), strict=True))
    after = [next(sentences) for _ in range(2)]
    trouble = [next(sentences) for _ in range(2)]
    spare = [next(sentences) for _ in range(len(pool))]
    numbers = {"n": rng.randint(2, 15), "year": rng.randint(2014, 2022)}

    def render(lang: str, extra: int) -> str:
        def text(pair: Pair, **more: object) -> str:
            fields = {k: v.get(lang) for k, v in values.items()} | numbers | more
            return pair.get(lang).format(**fields)

        blocks = [
            " ".join(text(p) for p in lead),
            HEADINGS[0].get(lang).format(),
            " ".join(text(p) for p in before),
            HEADINGS[1].get(lang).format(),
            "\n".join(f"{n}. {text(step, l=label.get(lang))}" for n, (step, label) in enumerate(steps, 1)),
            " ".join(text(p) for p in after),
            HEADINGS[2].get(lang).format(),
            " ".join(text(p) for p in [*trouble, *spare[:extra]]),
        ]
        if link is not None:
            blocks.append(text(SEE_ALSO, t=link.title.get(lang), h=_href(head, link)))
        if marker:
            blocks.append(CONTACT_MARKER)
        blocks.append(CLOSING.get(lang))
        return "\n\n".join(blocks) + "\n"

    extra = 0
    while len(re.findall(r"\w+", render("en", extra))) < MIN_WORDS and extra < len(pool):
        extra += 1
    return Pair(render("en", extra), render("fr", extra))


_SECOND_PERSON = {"en": (("my ", "your "),), "fr": (("mon ", "votre "), ("ma ", "votre "), ("mes ", "vos "))}


def second_person(subject: Pair) -> Pair:
    """ "my password" in a question is "your password" in its answer."""

    def swap(lang: str) -> str:
        text = subject.get(lang)
        for mine, yours in _SECOND_PERSON[lang]:
            text = text.replace(mine, yours) if text.startswith(mine) else text
        return text

    return Pair(swap("en"), swap("fr"))


def _href(head: Head, link: Head) -> str:
    name = f"{link.slug}.md"
    return name if link.category == head.category else f"../{link.category}/{name}"


# -- writing -------------------------------------------------------------------------------------------------


def source_digest(title: str, body: str) -> str:
    """What a translation records in ``translation_of`` (same formula as ``helpcentre.catalogue``)."""
    return hashlib.sha256(f"{title.strip()}\n{body.strip()}".encode()).hexdigest()[:12]


def article_markdown(article: ArticleSpec, lang: str) -> str:
    meta = [
        f"id: {article.id}",
        f"title: {json.dumps(article.title.get(lang), ensure_ascii=False)}",
        f"category: {article.category}",
        f"tags: {json.dumps([t.get(lang) for t in article.tags], ensure_ascii=False)}",
    ]
    if article.related:
        meta.append(f"related: {json.dumps(list(article.related))}")
    if article.contact:
        meta.append(f"contact: {article.contact}")
    meta.append(f"updated: {article.updated.isoformat()}")
    if lang != LANGUAGES[0]:
        # Quoted: a digest of twelve digits would otherwise be read as a number.
        meta.append(f"translation_of: {json.dumps(source_digest(article.title.en, article.body.en))}")
    return "---\n" + "\n".join(meta) + "\n---\n\n" + article.body.get(lang)


def write_articles(corpus: Corpus, docs: Path) -> None:
    for article in corpus.articles:
        for lang in LANGUAGES:
            path = docs / lang / article.rel_path
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(article_markdown(article, lang), encoding="utf-8")


def categories_yaml(corpus: Corpus) -> str:
    items = []
    for c in corpus.categories:
        item = {"key": c.key, "icon": c.icon}
        if c.contact:
            item["contact"] = c.contact
        item["name"] = {lang: c.name.get(lang) for lang in LANGUAGES}
        item["description"] = {lang: c.description.get(lang) for lang in LANGUAGES}
        items.append(item)
    header = "# Synthetic benchmark categories (benchmarks/corpus.py); same shape as the repository's.\n"
    return header + yaml.safe_dump(items, allow_unicode=True, sort_keys=False, width=200)


def popularity_csv(corpus: Corpus) -> str:
    rows = [f"{a.id},{a.views}" for a in corpus.articles if a.views is not None]
    return "id,views\n" + "\n".join(rows) + "\n"


def _copy(src: Path, dest: Path) -> None:
    if src.is_dir():
        shutil.copytree(src, dest, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"), dirs_exist_ok=True)
    elif src.exists():
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, dest)


def write_ours(repo: Path, corpus: Corpus, dest: Path) -> Path:
    """Our help centre: the repository's code and configuration, the synthetic content."""
    for name in ("mkdocs.yml", "hooks", "overrides"):
        _copy(repo / name, dest / name)
    for item in sorted((repo / "data").iterdir()):
        if item.name not in GENERATED_DATA:
            _copy(item, dest / "data" / item.name)
    for item in sorted((repo / "docs").iterdir()) if (repo / "docs").is_dir() else ():
        if item.name not in LANGUAGES:
            _copy(item, dest / "docs" / item.name)  # shared non-article files (images...), if any
    (dest / "data").mkdir(parents=True, exist_ok=True)
    (dest / "data" / "categories.yml").write_text(categories_yaml(corpus), encoding="utf-8")
    (dest / "data" / "popularity.csv").write_text(popularity_csv(corpus), encoding="utf-8")
    write_articles(corpus, dest / "docs")
    return dest


def markdown_extensions_block(config_text: str) -> str:
    """The ``markdown_extensions:`` section of a mkdocs.yml, verbatim (it uses !!python/name tags)."""
    match = re.search(r"^markdown_extensions:[^\n]*\n(?:(?:[ \t]+[^\n]*|[ \t]*)\n?)*", config_text, re.MULTILINE)
    if match is None:
        return "markdown_extensions: []\n"
    return match.group(0).rstrip() + "\n"


def reference_config(repo_config: str) -> str:
    """Plain Material + static-i18n, what a team gets without us: no hooks, overrides or custom_dir.

    Same URL layout (``use_directory_urls: false``) and Markdown extensions as ours; ``font: false`` so
    neither site loads anything from another host during the measurements.
    """
    return (
        "site_name: MINI FAQ (reference)\n"
        "site_url: https://faq.example.com/\n"
        "docs_dir: docs\n"
        "use_directory_urls: false\n"
        "theme:\n"
        "  name: material\n"
        "  font: false\n"
        "  features:\n"
        "    - navigation.prune\n"
        "plugins:\n"
        "  - search\n"
        "  - i18n:\n"
        "      docs_structure: folder\n"
        "      languages:\n"
        "        - locale: en\n"
        "          name: English\n"
        "          default: true\n"
        "          build: true\n"
        "        - locale: fr\n"
        "          name: Français\n"
        "          build: true\n" + markdown_extensions_block(repo_config)
    )


REFERENCE_HOME = Pair(
    "# MINI FAQ\n\nAnswers for MINI drivers.\n", "# FAQ MINI\n\nDes réponses pour les conducteurs MINI.\n"
)


def write_reference(repo: Path, corpus: Corpus, dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    config = reference_config((repo / "mkdocs.yml").read_text(encoding="utf-8"))
    (dest / "mkdocs.yml").write_text(config, encoding="utf-8")
    write_articles(corpus, dest / "docs")
    for lang in LANGUAGES:
        (dest / "docs" / lang / "index.md").write_text(REFERENCE_HOME.get(lang), encoding="utf-8")
    return dest


def write_projects(repo: Path, corpus: Corpus, dest: Path) -> Projects:
    """Both projects for one corpus, under ``dest`` (emptied first)."""
    if dest.exists():
        shutil.rmtree(dest)
    return Projects(
        ours=write_ours(repo, corpus, dest / "ours"), reference=write_reference(repo, corpus, dest / "reference")
    )

from rich import print

from src.config import get_language_preference

TRANSLATIONS = {
    "fr": {
        "billing_period": "📅 Période choisie automatiquement : la semaine dernière {} → {}",
        "welcome": "Bienvenue dans OpenStack Toolbox v{} !",
        "connection_error": "❌ Impossible de charger les identifiants OpenStack. Vérifiez votre configuration.",
    },
    "en": {
        "welcome": "Welcome to OpenStack Toolbox v{}!",
        "connection_error": "❌ Unable to load OpenStack credentials. Please check your configuration.",
    },
}


def main(version):
    lang = get_language_preference()
    print(f"[yellow bold]{TRANSLATIONS[lang]['welcome'].format(version)}[/yellow bold]")

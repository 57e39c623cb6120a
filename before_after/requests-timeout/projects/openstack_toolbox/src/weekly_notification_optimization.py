from src.config import get_language_preference

TRANSLATIONS = {
    "fr": {
        "test_email_subject": "Test de notification OpenStack Toolbox",
        "gmail_warning": "⚠️ Pour Gmail, vous devez activer la validation en 2 étapes et créer un mot de passe d'application.",
        "gmail_help": "Voici la page d'aide Google : https://support.google.com/accounts/answer/185833",
    },
}


def send_test_email(smtp_config, email_body):
    lang = get_language_preference()
    if send_email(smtp_config, TRANSLATIONS[lang]["test_email_subject"], email_body):
        return True
    return False

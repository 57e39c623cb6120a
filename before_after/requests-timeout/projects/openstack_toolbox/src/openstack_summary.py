from src.config import get_language_preference

TRANSLATIONS = {
    "fr": {
        "end_date": "Date de fin",
        "no_billing": "❌ Aucune donnée de facturation disponible (indisponible ou trop faible) — les coûts affichés seront à 0.\n",
        "total_resources": "📊 Total des ressources consommées : {} CPU, {} Go de RAM, {} Go de stockage",
    },
    "en": {
        "end_date": "End date",
        "no_billing": "❌ No billing data available (unavailable or too low) — costs shown will be 0.\n",
        "total_resources": "📊 Total resources consumed: {} CPU, {} GB RAM, {} GB storage",
    },
}


def prompt_period(default_end_dt):
    lang = get_language_preference()
    return input_with_default(
        TRANSLATIONS[lang]["end_date"], trim_to_minute(isoformat(default_end_dt))
    )

import os


def get_language_preference():
    """
    Si le fichier n'existe pas ou si la langue n'est pas définie, retourne 'fr' par défaut.
    """
    return os.environ.get("OPENSTACK_TOOLBOX_LANG", "fr")


def create_smtp_config_interactive():
    server = input("Serveur SMTP [smtp.gmail.com]: ").strip() or "smtp.gmail.com"
    return {"server": server}

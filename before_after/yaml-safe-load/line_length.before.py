# case: refuses would run past 79 columns or shift an aligned continuation line
import yaml


def load_pair(first_document_text, second_documents):
    # Each call fits alone; the second does not once the first is safe_load.
    return yaml.load(first_document_text), yaml.load(second_documents)


def load_with_loader(document_stream_with_a_rather_long_name_for_this):
    # Longer than the limit with the loader; shorter without it.
    return yaml.load(document_stream_with_a_rather_long_name_for_this, yaml.Loader)


def load_setting(document, key):
    # safe_load would push the bracket that the next line is aligned under.
    return yaml.load(document).get(key, [None,
                                         False])

"""mailmerge's template_message.py: the rendered template is a whole e-mail message."""
# case: unsafe
# case: refuses the rendered text is parsed as an e-mail message
import email

import jinja2


class TemplateMessage:
    def __init__(self, template_path):
        template_env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(template_path.parent),
            undefined=jinja2.StrictUndefined,
        )
        self.template = template_env.get_template(
            template_path.parts[-1],  # basename
        )

    def render(self, context):
        raw_message = self.template.render(context)
        self._message = email.message_from_string(raw_message)
        return self._message

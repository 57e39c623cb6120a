# case: ignores another library's Environment is not Jinja2's
import jinja2
from myproject.runtime import Environment

ENV = Environment(debug=False)
TEMPLATE = jinja2.Template('{{ x }}')

# case: project rally_report rally/ui/utils.py
# case: unsafe
# case: refuses rally/ui/templates/task/report.html puts {{ source }} in a <script> block
"""Shaped like Rally 5.1.1's rally/ui/utils.py: the <script> tag is in base.html, whose
js_before block task/report.html fills with $scope.source = {{ source }}; (json.dumps
output). Escaped, its quotes come out as &#34; and every report's script breaks."""
import jinja2


def get_template(template):
    loader = jinja2.PackageLoader("rally.ui", "templates")
    env = jinja2.Environment(loader=loader)
    return env.get_template(template)

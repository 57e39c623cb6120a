# case: unsafe
import jinja2 as j

templates = j.Environment(autoescape=j.select_autoescape(),
                          loader=j.FileSystemLoader('templates'))

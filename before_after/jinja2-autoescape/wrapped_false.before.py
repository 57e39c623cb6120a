# case: unsafe
import jinja2 as j

templates = j.Environment(autoescape=False, loader=j.FileSystemLoader('templates'))

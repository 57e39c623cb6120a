# case: refuses the values a string.Template substitutes stand unquoted in the shell line
"""Shaped like watchdog's ShellCommandTrick: event paths put into the user's command line."""
import subprocess


class ShellCommandTrick:
    def __init__(self, shell_command, shell_executable=None):
        self.shell_command = shell_command
        self.shell_executable = shell_executable

    def on_any_event(self, event):
        from string import Template

        context = {"watch_src_path": event.src_path, "watch_event_type": event.event_type}
        if self.shell_command is None:
            command = 'echo "${watch_event_type} ${watch_src_path}"'
        else:
            command = self.shell_command
        command = Template(command).safe_substitute(**context)
        return subprocess.Popen(command, shell=True, executable=self.shell_executable)

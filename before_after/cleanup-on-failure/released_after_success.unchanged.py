# case: refuses which run() calls only when the steps before it succeed
"""Shaped like checkov's helm runner: the folder is removed only at the end of run()."""
import shutil
import tempfile


class Runner:
    def convert(self, charts):
        self.target_folder_path = tempfile.mkdtemp()
        for chart in charts:
            chart.render(self.target_folder_path)

    def remove_target_folder(self):
        shutil.rmtree(self.target_folder_path)

    def run(self, charts):
        self.convert(charts)
        report = scan(self.target_folder_path)
        self.remove_target_folder()
        return report

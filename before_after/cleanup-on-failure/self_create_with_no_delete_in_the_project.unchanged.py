# case: refuses would tear down the whole object
"""cvat-sdk's ProjectsRepo.create_from_dataset(): self.create() comes from the project's
ModelCreateMixin, and no module of the project defines delete(). Without the project's
survey to say so, the advice is the general one (tests/test_cleanup_on_failure.py runs it
with a survey)."""
from cvat_sdk.api_client import apis, models
from cvat_sdk.core.proxies.model_proxy import (
    ModelBatchDeleteMixin,
    ModelCreateMixin,
    ModelListMixin,
    build_model_bases,
)

_ProjectEntityBase, _ProjectRepoBase = build_model_bases(
    models.ProjectRead, apis.ProjectsApi, api_member_name="projects_api"
)


class ProjectsRepo(
    _ProjectRepoBase,
    ModelCreateMixin["Project", models.IProjectWriteRequest],
    ModelListMixin["Project"],
    ModelBatchDeleteMixin,
):
    def create_from_dataset(self, spec, *, dataset_path=""):
        project = self.create(spec=spec)
        self._client.logger.info("Created project ID: %s", project.id)
        if dataset_path:
            project.import_dataset(filename=dataset_path)
        project.fetch()
        return project

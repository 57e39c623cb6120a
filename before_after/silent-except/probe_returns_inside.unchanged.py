# case: unsafe
# case: refuses a probe: what fails there is answered `False` after the try
"""Shaped like flytekit's type_engine.py schema_match(): pydantic is not required, and the
check runs for every registered transformer, so the handler runs routinely; the answer
after the try is the same no the check gives when the type is not a model."""
import logging

logger = logging.getLogger(__name__)


class Transformer:
    def __init__(self, python_type):
        self.python_type = python_type

    def schema_match(self, schema: dict) -> bool:
        try:
            from pydantic import BaseModel

            if hasattr(self.python_type, "model_json_schema") and self.python_type is not BaseModel:
                return schema.get("title") == self.python_type.model_json_schema().get("title")
        except Exception:
            pass
        return False

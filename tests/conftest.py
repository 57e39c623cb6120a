import sys
from pathlib import Path

# tests/ holds helper modules (before_after.py) imported by the tests.
sys.path.insert(0, str(Path(__file__).resolve().parent))

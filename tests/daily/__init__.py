from pathlib import Path

FIXTURE_BANK = Path(__file__).parent / "data" / "questions"

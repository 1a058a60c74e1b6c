"""councilwatch: follow the UN Security Council and its work with regional organisations."""

__version__ = "0.1.0"

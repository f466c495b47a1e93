"""Demo content for a fresh site: seven complete guides (`manage.py load_demo`)."""

from careers.demo.loader import DemoLoadResult, demo_load

__all__ = ["DemoLoadResult", "demo_load"]

from mypyc.build import mypycify
from setuptools import setup

setup(ext_modules=mypycify(["tomli/__init__.py"]))

from mypyc.build import mypycify
from setuptools import setup

setup(ext_modules=mypycify(["pkg/sub/__init__.py"]))

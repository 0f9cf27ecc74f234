"""lagom: build containers and resolve dependencies the ways its docs and
tests/benchmarking do (auto-wiring, singletons, lambdas, explicit
containers, bound functions, context containers, cloning), many rounds.

usage: python3 lagom.py CHECKOUT
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import profile_truth  # noqa: E402

ROUNDS = 3000


class Config:
    def __init__(self):
        self.url = "sqlite://"


class Database:
    def __init__(self, config: Config):
        self.config = config


class Cache:
    def __init__(self):
        self.store = {}


class UserRepository:
    def __init__(self, db: Database, cache: Cache):
        self.db = db
        self.cache = cache


class OrderRepository:
    def __init__(self, db: Database):
        self.db = db


class Mailer:
    def send(self, to):
        return to


class UserService:
    def __init__(self, users: UserRepository, orders: OrderRepository, mailer: Mailer):
        self.users = users
        self.orders = orders
        self.mailer = mailer

    def handle(self, n):
        return self.mailer.send(n)


class Controller:
    def __init__(self, service: UserService, config: Config):
        self.service = service
        self.config = config


def workload(checkout):
    from typing import Iterator


    from lagom import (Container, ContextContainer, ExplicitContainer, Singleton,
                       bind_to_container, context_dependency_definition, dependency_definition,
                       injectable, magic_bind_to_container)

    for i in range(ROUNDS):
        # auto-wiring with a singleton and a lambda
        c = Container()
        c[Config] = Singleton(Config)
        c[Cache] = Singleton(Cache)
        c[Mailer] = lambda: Mailer()
        c[Controller].service.handle(i)
        c.resolve(UserService)

        @dependency_definition(c)
        def _orders(cc) -> OrderRepository:
            return OrderRepository(cc[Database])

        c[Controller]

        # a child container, as tests and request scopes do
        child = c.clone()
        child[Mailer] = Mailer()
        child[UserService]

        # bound functions
        @bind_to_container(c, shared=[Database])
        def view(ctrl: Controller = injectable, users: UserRepository = injectable):
            return ctrl.service.handle(users)

        @magic_bind_to_container(c, shared=[Cache])
        def magic_view(ctrl: Controller, n: int = 0):
            return ctrl.service.handle(n)

        for j in range(5):
            view()
            magic_view(n=j)

        # the optimised explicit container of tests/benchmarking
        e = ExplicitContainer()
        e[Config] = Config()
        e[Database] = lambda k: Database(k[Config])
        e[Cache] = Cache()
        e[UserRepository] = lambda k: UserRepository(k[Database], k[Cache])
        e[OrderRepository] = lambda k: OrderRepository(k[Database])
        e[Mailer] = Mailer()
        e[UserService] = lambda k: UserService(k[UserRepository], k[OrderRepository], k[Mailer])
        e[UserService]

        # context containers with a clean-up
        base = Container()

        @context_dependency_definition(base)
        def _db(k) -> Iterator[Database]:
            try:
                yield Database(Config())
            finally:
                pass

        with ContextContainer(base, context_types=[Database]) as ctx:
            ctx[UserRepository]
            ctx[Controller]


if __name__ == "__main__":
    profile_truth.run("lagom", sys.argv[1], ["lagom"], workload,
                      "3000 rounds: auto-wired Container with Singleton and lambda definitions, "
                      "dependency_definition, clone, bind_to_container and "
                      "magic_bind_to_container calls, ExplicitContainer, ContextContainer",
                      sys_path=["."])

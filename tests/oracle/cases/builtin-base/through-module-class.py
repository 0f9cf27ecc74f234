class AppError(TypeError):
    pass


class BadArgument(AppError):
    pass

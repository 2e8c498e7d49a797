from .selectors import menu_untuk


def navigasi(request):
    user = getattr(request, "user", None)
    if not (user and user.is_authenticated):
        return {"menu": []}
    return {"menu": menu_untuk(user=user)}

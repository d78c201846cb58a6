## Лица: подпись под тем, кого нет рядом

face-quit = { $gender ->
        [feminine] Ушла сама
        [masculine] Ушёл сам
       *[other] Ушёл из команды сам
    }
face-burnout = { $gender ->
        [feminine] Выгорела и ушла
        [masculine] Выгорел и ушёл
       *[other] Ушёл, выгорев
    }
face-decided = { $gender ->
        [feminine] Вы её уволили
        [masculine] Вы его уволили
       *[other] Уволен вами
    }
face-away = Сейчас отсутствует
face-not_joined = Ещё не в команде
face-never_joined = { $gender ->
        [feminine] Так и не пришла
       *[other] Так и не пришёл
    }

## Итог решения: кто как отреагировал и что изменилось

feedback-reacted = Кто отреагировал
feedback-unchanged = Без видимых изменений
feedback-measured = Измерено
feedback-morale_rose = ▲ Настрой вырос у { $count } из { $total }
feedback-morale_fell = ▼ Настрой упал у { $count } из { $total }
feedback-stress_rose = ▲ Стресс вырос у { $count } из { $total }
feedback-stress_fell = ▼ Стресс снизился у { $count } из { $total }
feedback-productivity_rose = ▲ Отдача выросла у { $count } из { $total }
feedback-productivity_fell = ▼ Отдача упала у { $count } из { $total }
feedback-trust_rose = ▲ Доверие выросло у { $count } из { $total }
feedback-trust_fell = ▼ Доверие упало у { $count } из { $total }
feedback-stakeholder_trust_rose = ▲ Доверие к вам выросло у { $count } из { $total } заинтересованных сторон
feedback-stakeholder_trust_fell = ▼ Доверие к вам упало у { $count } из { $total } заинтересованных сторон

## Диаграмма принципов в разборе

profile-scale = 0 … { $count } { $count ->
        [one] решение
        [few] решения
       *[many] решений
    }
profile-none = Ни одно решение не применило и не нарушило принципов.
profile-more = …и ещё принципов: { $count } (см. решения справа)
